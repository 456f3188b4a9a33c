import { describe, expect, it } from "vitest";
import { routeLabel } from "./metrics";

describe("routeLabel", () => {
  it("collapses ids and pages so the histogram stays small", () => {
    expect(routeLabel("/api/v1/queues/0b8f4f8e-2a4b-4c56-9d1e-4f3a2b1c0d9e/agents")).toBe("/api/v1/queues/:id/agents");
    expect(routeLabel("/admin/users")).toBe("page");
    expect(routeLabel("/_next/static/chunks/a.js")).toBe("/_next");
    expect(routeLabel("/readyz")).toBe("/readyz");
  });
});
