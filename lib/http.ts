// One wrapper for route handlers: expected errors become their status with a message; anything else
// is logged and answered with a generic 500 that leaks nothing.
import { ZodError } from "zod";
import { AppError, HTTP_STATUS } from "@/lib/errors";

type RouteContext<P> = { params: Promise<P> };

export function route<P = Record<string, never>>(handler: (request: Request, context: RouteContext<P>) => Promise<Response>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) return Response.json({ error: error.message, code: error.code }, { status: HTTP_STATUS[error.code] });
  if (error instanceof ZodError) return Response.json({ error: error.issues.map((i) => i.message).join("; "), code: "invalid" }, { status: 400 });
  console.error(error);
  return Response.json({ error: "Something went wrong on our side", code: "internal" }, { status: 500 });
}

/** Cookie-authenticated state changes outside server actions must come from our own pages. */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host || new URL(origin).host !== host) throw new AppError("forbidden", "Cross-site request refused");
}
