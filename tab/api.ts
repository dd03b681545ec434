import type { z } from "zod";
import { DeadlineResponse, ErrorResponse, EventsResponse, PathwayResponse } from "../bot/tab-contract.js";

/** An error from the API, with words safe to show as they are. */
export class ApiError extends Error {}

async function call<T extends z.ZodTypeAny>(schema: T, path: string, init?: RequestInit): Promise<z.infer<T>> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { accept: "application/json", ...(init?.body ? { "content-type": "application/json" } : {}) } });
  } catch {
    throw new ApiError("The assistant could not be reached. Check your connection and try again.");
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = ErrorResponse.safeParse(body);
    throw new ApiError(err.success ? err.data.error : "Something went wrong. Please try again.");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError("The assistant's answer could not be read. Please reload the page.");
  return parsed.data;
}

export const getEvents = () => call(EventsResponse, "/api/tab/events");

export const getPathway = (jurisdiction: "england" | "wales") =>
  call(PathwayResponse, `/api/tab/pathway?jurisdiction=${encodeURIComponent(jurisdiction)}`);

export const postDeadline = (request: { event: string; date: string; jurisdiction: "england" | "wales" }) =>
  call(DeadlineResponse, "/api/tab/deadline", { method: "POST", body: JSON.stringify(request) });
