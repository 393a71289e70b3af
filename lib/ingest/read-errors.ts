// The two failures of reading a file, apart from the readers: the import's own thread recognises them
// without loading every importer (read-in-thread.ts rebuilds them from the reading thread's message).
import { AppError } from "@/lib/errors";

/** The file is none of the formats the registry knows: an expected failure, shown to the user as is. */
export class UnknownFormatError extends AppError {
  /** @param message "Unrecognised file format: expected …" (read-records.ts writes it) */
  constructor(message: string) {
    super("invalid", message);
    this.name = "UnknownFormatError";
  }
}

/**
 * A reader failed in a way it did not foresee (a bug, or a resource limit of the runtime). The import
 * stops with this message instead of a stack trace, and is not retried; the cause is kept for the log.
 */
export class ReaderFailure extends AppError {
  constructor(label: string, position: number, cause: unknown) {
    const where = position > 0 ? ` past record ${position}; the rest of it was not imported` : "";
    super("invalid", `The ${label} file could not be read${where}`);
    this.name = "ReaderFailure";
    this.cause = cause;
  }
}
