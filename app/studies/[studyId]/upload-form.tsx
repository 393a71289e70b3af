"use client";
// Sends the file as the raw request body, so the server streams it to storage without buffering.
import { useRouter } from "next/navigation";
import { useState } from "react";

export function UploadForm({ studyId }: { studyId: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem("file") as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return setMessage({ kind: "error", text: "Choose a file first." });
    setPending(true);
    setMessage(null);
    const response = await fetch(`/api/studies/${studyId}/imports?name=${encodeURIComponent(file.name)}`, {
      method: "PUT",
      body: file,
      headers: { "content-type": "application/octet-stream" },
    }).catch(() => null);
    setPending(false);
    if (!response) return setMessage({ kind: "error", text: "The upload failed; check the connection." });
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    if (!response.ok) return setMessage({ kind: "error", text: body.error ?? `Upload refused (${response.status})` });
    setMessage({ kind: "success", text: `${file.name} uploaded; the import is running.` });
    input.value = "";
    router.refresh();
  }

  return (
    <form className="inline" onSubmit={onSubmit} style={{ marginBottom: ".75rem" }}>
      <label>
        Import a file (RIS or CSV; the format is detected from the content)
        <input name="file" type="file" />
      </label>
      <button type="submit" disabled={pending}>{pending ? "Uploading…" : "Upload"}</button>
      {message && <span className={message.kind} role={message.kind === "error" ? "alert" : "status"}>{message.text}</span>}
    </form>
  );
}
