"use client";
// Sends the file as the raw request body, so the server streams it to storage without buffering.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { DEFAULT_KINDS } from "@/lib/ingest/record";

export function UploadForm({ studyId, formats }: { studyId: string; formats: { id: string; label: string }[] }) {
  const t = useTranslations("upload");
  const tk = useTranslations("kind");
  const router = useRouter();
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const input = form.elements.namedItem("file") as HTMLInputElement;
    const format = (form.elements.namedItem("format") as HTMLSelectElement).value;
    const mapping = (form.elements.namedItem("mapping") as HTMLTextAreaElement).value.trim();
    const kind = (form.elements.namedItem("kind") as HTMLSelectElement).value;
    const file = input.files?.[0];
    if (!file) return setMessage({ kind: "error", text: t("chooseFile") });
    setPending(true);
    setMessage(null);
    const query = new URLSearchParams({ name: file.name, format });
    if (mapping) query.set("mapping", mapping);
    if (kind) query.set("kind", kind);
    const response = await fetch(`/api/studies/${studyId}/imports?${query}`, {
      method: "PUT",
      body: file,
      headers: { "content-type": "application/octet-stream" },
    }).catch(() => null);
    setPending(false);
    if (!response) return setMessage({ kind: "error", text: t("failed") });
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    if (!response.ok) return setMessage({ kind: "error", text: body.error ?? t("refused", { status: response.status }) });
    setMessage({ kind: "success", text: t("uploaded", { file: file.name }) });
    input.value = "";
    router.refresh();
  }

  return (
    <form className="inline" onSubmit={onSubmit} style={{ marginBottom: ".75rem" }}>
      <label>
        {t("file")}
        <input name="file" type="file" />
      </label>
      <label>
        {t("format")}
        <select name="format" defaultValue="auto">
          <option value="auto">{t("detect")}</option>
          {formats.map((f) => <option key={f.id} value={f.id}>{f.label}</option>)}
        </select>
      </label>
      <label>
        {t("defaultKind")}
        <select name="kind" defaultValue="">
          <option value="">{t("kindFromFile")}</option>
          {DEFAULT_KINDS.map((k) => <option key={k} value={k}>{tk(k)}</option>)}
        </select>
      </label>
      <details>
        <summary>{t("mapping")}</summary>
        <label>
          {t("mappingHelp")} {`{"title": "Headline", "abstract": "Body", "year": "pub_year"}`}
          <textarea name="mapping" rows={3} cols={50} spellCheck={false} />
        </label>
      </details>
      <button type="submit" disabled={pending}>{pending ? t("uploading") : t("upload")}</button>
      {message && <span className={message.kind} role={message.kind === "error" ? "alert" : "status"}>{message.text}</span>}
    </form>
  );
}
