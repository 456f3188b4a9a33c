"use client";
import { useEffect, useState } from "react";
import { ApiError, api, errorMessage } from "@/app/_lib/api";

export interface Disposition {
  id: string;
  name: string;
}

/** The tenant's dispositions; none (not an error) while the endpoint does not exist. */
export function useDispositions(): { dispositions: Disposition[]; loading: boolean; error: string | null } {
  const [dispositions, setDispositions] = useState<Disposition[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api<Disposition[] | { data?: Disposition[]; dispositions?: Disposition[] }>("/dispositions")
      .then((r) => live && setDispositions(Array.isArray(r) ? r : (r.data ?? r.dispositions ?? [])))
      .catch((e: unknown) => live && !(e instanceof ApiError && e.status === 404) && setError(`Could not load dispositions: ${errorMessage(e)}`))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, []);
  return { dispositions, loading, error };
}
