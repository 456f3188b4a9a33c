"use client";
import { useEffect, useState } from "react";
import { ApiError, api, errorMessage } from "../../../_lib/api";

export interface ReportError {
  message: string;
  status: number;
}

interface Loaded<T> {
  key: string;
  path: string;
  data?: T;
  error?: ReportError;
}

/**
 * GETs the report at `path` (null: none), again when `nonce` changes. Only the latest request's
 * answer counts; the last report of the same path stays on screen while it reloads.
 */
export function useReport<T>(path: string | null, nonce: number) {
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const key = `${path}#${nonce}`;
  useEffect(() => {
    if (path === null) return;
    let live = true;
    const k = `${path}#${nonce}`;
    api<T>(path).then(
      (data) => live && setLoaded({ key: k, path, data }),
      (e: unknown) => live && setLoaded({ key: k, path, error: { message: errorMessage(e), status: e instanceof ApiError ? e.status : 0 } }),
    );
    return () => {
      live = false;
    };
  }, [path, nonce]);
  const same = loaded !== null && loaded.path === path;
  return {
    data: same ? loaded.data : undefined,
    error: same && loaded.key === key ? (loaded.error ?? null) : null,
    loading: path !== null && loaded?.key !== key,
  };
}
