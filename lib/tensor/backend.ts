// TensorFlow.js for the tensor maths of the analysis (topic metrics, the map's embedding, trend
// forecasts): the native tfjs-node when it is installed (it downloads libtensorflow, which fails
// offline), else @tensorflow/tfjs on the WASM backend, else its plain CPU backend. Loaded once per
// process; which one is logged. Reached only from workers and the CLI, never from pages.
import type * as TF from "@tensorflow/tfjs";

export type Tensorflow = typeof TF;
export type TensorBackend = "tensorflow" | "wasm" | "cpu";

let loading: Promise<{ tf: Tensorflow; backend: TensorBackend }> | undefined;

export function loadTensorflow(log: (line: string) => void = console.info): Promise<{ tf: Tensorflow; backend: TensorBackend }> {
  loading ??= pick().then((loaded) => {
    log(`[tensor] TensorFlow.js backend: ${loaded.backend === "tensorflow" ? "tfjs-node (native)" : loaded.backend}`);
    return loaded;
  });
  return loading;
}

async function pick(): Promise<{ tf: Tensorflow; backend: TensorBackend }> {
  try {
    const moduleName = "@tensorflow/tfjs-node";
    const tf = (await import(/* @vite-ignore */ moduleName)) as Tensorflow;
    return { tf, backend: "tensorflow" };
  } catch {
    const tf = await import("@tensorflow/tfjs");
    await import("@tensorflow/tfjs-backend-wasm");
    if (await tf.setBackend("wasm").catch(() => false)) {
      await tf.ready();
      return { tf, backend: "wasm" };
    }
    await tf.setBackend("cpu");
    return { tf, backend: "cpu" };
  }
}
