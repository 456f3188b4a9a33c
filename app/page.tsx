import Link from "next/link";
import { buttonClass } from "./_components/button";
import { Logo } from "./_components/logo";

const FEATURES = [
  { title: "A softphone in the browser", body: "Agents answer, hold, transfer and conference from a browser tab. No desk phones, no plugins." },
  { title: "Skills-based routing", body: "Queues with required skills, priorities, ring timeouts, overflow and callbacks route every caller to the right agent." },
  { title: "Live wallboards", body: "Supervisors see calls waiting, service level and agent states the second they change." },
  { title: "Screen pop and tickets", body: "The caller's history opens as the phone rings; wrap-up notes land on a ticket." },
  { title: "Your numbers, your trunk", body: "Bring any SIP trunk. G.711 end to end, DTMF, recordings stored encrypted." },
  { title: "An open REST API", body: "API keys, webhooks and an OpenAPI document for everything you can click." },
];

export default function Landing() {
  return (
    <div className="min-h-screen bg-white">
      <header className="mx-auto flex h-16 max-w-6xl items-center justify-between px-4 sm:px-6">
        <Logo />
        <nav aria-label="Account" className="flex items-center gap-2">
          <Link href="/login" className={buttonClass("ghost")}>
            Sign in
          </Link>
          <Link href="/signup" className={buttonClass("primary")}>
            Sign up
          </Link>
        </nav>
      </header>

      <main>
        <section className="bg-gradient-to-b from-brand-50 to-white">
          <div className="mx-auto max-w-4xl px-4 py-20 text-center sm:px-6 sm:py-28">
            <p className="text-sm font-semibold uppercase tracking-wider text-brand-600">Cloud contact center</p>
            <h1 className="mt-3 text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">
              Answer every call from the browser.
            </h1>
            <p className="mx-auto mt-5 max-w-2xl text-lg text-slate-600">
              Hotline connects your phone numbers to agents anywhere: smart queues, a browser softphone, screen pop and live
              wallboards in one open, self-hostable system.
            </p>
            <div className="mt-8 flex flex-wrap justify-center gap-3">
              <Link href="/signup" className={buttonClass("primary", "md", "h-11 px-6 text-base")}>
                Sign up free
              </Link>
              <Link href="/login" className={buttonClass("secondary", "md", "h-11 px-6 text-base")}>
                Sign in
              </Link>
            </div>
          </div>
        </section>

        <section aria-labelledby="features" className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
          <h2 id="features" className="text-center text-2xl font-semibold tracking-tight text-slate-900">
            Everything a contact center needs
          </h2>
          <ul className="mt-10 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
            {FEATURES.map((f) => (
              <li key={f.title} className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
                <span aria-hidden className="mb-4 block h-1 w-10 rounded-full bg-brand-500" />
                <h3 className="font-semibold text-slate-900">{f.title}</h3>
                <p className="mt-2 text-sm leading-relaxed text-slate-600">{f.body}</p>
              </li>
            ))}
          </ul>
        </section>
      </main>

      <footer className="border-t border-slate-200 py-8 text-center text-sm text-slate-500">
        Hotline · open-source cloud contact center
      </footer>
    </div>
  );
}
