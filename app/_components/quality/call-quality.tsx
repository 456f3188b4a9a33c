"use client";
import Link from "next/link";
import { useId } from "react";
import type { Evaluation, Scorecard } from "../../_lib/quality";
import type { CallRecord } from "../../_lib/types";
import { useResource } from "../../_lib/use-resource";
import { useSession } from "../session";
import { ErrorNotice, Loading } from "../states";
import { AudioSignals } from "./audio-signals";
import { EvaluationList } from "./evaluation-list";
import { ScoreForm } from "./score-form";

/**
 * A call's quality: the signals measured on its audio, the scores supervisors gave it, and for
 * supervisors and admins the form to score it. Agents see the scores of the calls they handled.
 */
export function CallQuality({ call }: { call: CallRecord }) {
  const { user } = useSession();
  const supervises = user.role !== "agent";
  const readsScores = supervises || call.agent?.id === user.id;
  const evaluations = useResource<Evaluation[]>(readsScores ? `/calls/${call.id}/evaluations` : null);
  const scorecards = useResource<Scorecard[]>(supervises ? "/scorecards" : null);
  const headingId = useId();
  const answered = call.agent !== null && call.answeredAt !== null;
  const mine = (scorecardId: string) => evaluations.data?.find((e) => e.scorecard.id === scorecardId && e.evaluator?.id === user.id);

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <header className="border-b border-slate-200 px-5 py-4">
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          Quality
        </h2>
        <p className="mt-0.5 text-sm text-slate-500">What the audio shows, and how supervisors scored the call.</p>
      </header>
      <div className="space-y-6 p-5">
        <AudioSignals call={call} />
        {readsScores && (
          <div>
            <h3 className="text-sm font-semibold text-slate-900">Scores</h3>
            {evaluations.error && <ErrorNotice message={evaluations.error} onRetry={() => void evaluations.reload()} />}
            {!evaluations.data && evaluations.loading && <Loading />}
            {evaluations.data && <EvaluationList items={evaluations.data} />}
          </div>
        )}
        {supervises && (
          <div className="border-t border-slate-200 pt-5">
            {!answered ? (
              <p className="text-sm text-slate-500">Only a call an agent answered can be scored.</p>
            ) : scorecards.error ? (
              <ErrorNotice message={scorecards.error} onRetry={() => void scorecards.reload()} />
            ) : !scorecards.data || (!evaluations.data && evaluations.loading) ? (
              <Loading />
            ) : scorecards.data.length === 0 ? (
              <NoScorecards admin={user.role === "admin"} />
            ) : (
              <ScoreForm callId={call.id} scorecards={scorecards.data} mine={mine} onSaved={evaluations.reload} />
            )}
          </div>
        )}
      </div>
    </section>
  );
}

function NoScorecards({ admin }: { admin: boolean }) {
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-900">Score this call</h3>
      <p className="mt-1 text-sm text-slate-500">
        There is no scorecard to score calls with yet.{" "}
        {admin ? (
          <Link href="/admin/scorecards" className="font-medium text-brand-700 hover:underline">
            Create a scorecard
          </Link>
        ) : (
          "An admin can create one in the admin console."
        )}
      </p>
    </div>
  );
}
