// TensorFlow.js for tensor maths in workers: the native tfjs-node when it installed (it downloads
// libtensorflow, which fails offline), else the WASM backend. Which one is in use is logged.
export type ComputeBackend = "tensorflow" | "wasm" | "cpu";

let chosen: Promise<ComputeBackend> | undefined;

export function computeBackend(): Promise<ComputeBackend> {
  chosen ??= pick();
  return chosen;
}

async function pick(): Promise<ComputeBackend> {
  try {
    const moduleName = "@tensorflow/tfjs-node";
    await import(/* @vite-ignore */ moduleName);
    return "tensorflow";
  } catch {
    const tf = await import("@tensorflow/tfjs");
    await import("@tensorflow/tfjs-backend-wasm");
    if (await tf.setBackend("wasm").catch(() => false)) {
      await tf.ready();
      return "wasm";
    }
    await tf.setBackend("cpu");
    return "cpu";
  }
}

export async function logComputeBackend(log: (line: string) => void): Promise<void> {
  const backend = await computeBackend().catch((error: Error) => {
    log(`[worker] TensorFlow.js unavailable: ${error.message}`);
    return null;
  });
  if (backend) log(`[worker] TensorFlow.js backend: ${backend === "tensorflow" ? "tfjs-node (native)" : backend === "wasm" ? "WASM (tfjs-node not installed)" : "plain JavaScript CPU"}`);
}
