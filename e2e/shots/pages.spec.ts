import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { PASSWORD, openAdmin, signIn, signOut, signUp, uniqueEmail } from "../fixtures";

// Not part of the suite: SHOTS=1 npx playwright test --project shots  (writes /tmp/shots/*.png)
const DIR = process.env.SHOTS_DIR ?? "/tmp/shots";
mkdirSync(DIR, { recursive: true });
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${DIR}/${name}.png`, fullPage: true });
}

test.use({ viewport: { width: 1280, height: 800 } });

test("screenshots of every page", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/");
  await shot(page, "01-landing");
  await page.goto("/signup");
  await shot(page, "02-signup");
  await signIn(page, uniqueEmail("nobody"), "wrong password");
  await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toBeVisible();
  await shot(page, "03-login-error");
  await page.goto("/invite/not-a-real-token-123");
  await shot(page, "04-invite");

  await signUp(page);
  await expect(page.getByLabel("1 users")).toBeVisible();
  await shot(page, "05-admin-overview");
  await openAdmin(page, "Skills");
  await expect(page.getByText("No skills yet")).toBeVisible();
  await shot(page, "06-skills-empty");
  for (const [name, description] of [["Spanish", "Callers who prefer Spanish"], ["Billing", "Invoices, refunds and plans"], ["VIP", ""]] as const) {
    await page.getByRole("button", { name: "New skill" }).click();
    const d = page.getByRole("dialog", { name: "New skill" });
    await d.getByLabel("Name").fill(name);
    await d.getByLabel("Description").fill(description);
    if (name === "VIP") await shot(page, "07-skill-dialog");
    await d.getByRole("button", { name: "Create skill" }).click();
    await expect(d).toBeHidden();
  }
  await shot(page, "08-skills");

  await openAdmin(page, "Queues");
  await expect(page.getByText("No queues yet")).toBeVisible();
  await shot(page, "09-queues-empty");
  for (const name of ["Sales", "Support"]) {
    await page.getByRole("button", { name: "New queue" }).click();
    const d = page.getByRole("dialog", { name: "New queue" });
    await d.getByLabel("Name").fill(name);
    if (name === "Support") {
      await d.getByRole("checkbox", { name: "Spanish" }).check();
      await d.getByRole("checkbox", { name: "Overflow to another queue" }).check();
      await shot(page, "10-queue-dialog");
    }
    await d.getByRole("button", { name: "Create queue" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await openAdmin(page, "Queues");
  }

  await openAdmin(page, "Users");
  for (const [name, role] of [["Alex Agent", "Agent"], ["Sam Supervisor", "Supervisor"]] as const) {
    await page.getByRole("button", { name: "New user" }).click();
    const d = page.getByRole("dialog", { name: "New user" });
    await d.getByLabel("Name").fill(name);
    await d.getByLabel("Email").fill(uniqueEmail(name.split(" ")[0]!.toLowerCase()));
    await d.getByLabel("Role").selectOption({ label: role });
    await d.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await d.getByRole("checkbox", { name: "Spanish" }).check();
    await d.getByRole("checkbox", { name: "Billing" }).check();
    if (role === "Agent") await shot(page, "11-user-dialog");
    await d.getByRole("button", { name: "Create user" }).click();
    await expect(d).toBeHidden();
  }
  await page.getByRole("button", { name: "New user" }).click();
  const inv = page.getByRole("dialog", { name: "New user" });
  await inv.getByLabel("Name").fill("Ivy Invited");
  const agentEmail = uniqueEmail("ivy");
  await inv.getByLabel("Email").fill(agentEmail);
  await inv.getByRole("radio", { name: "Send an invite" }).check();
  await inv.getByRole("button", { name: "Create invite" }).click();
  await expect(page.getByRole("dialog", { name: "Invite created" })).toBeVisible();
  await shot(page, "12-invite-created");
  await page.getByRole("button", { name: "Done" }).click();
  await shot(page, "13-users");
  await page.getByRole("button", { name: "Edit Alex Agent" }).click();
  await shot(page, "14-user-edit");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Delete Sam Supervisor" }).click();
  await shot(page, "15-user-delete-confirm");
  await page.keyboard.press("Escape");

  await openAdmin(page, "Queues");
  await expect(page.getByRole("table", { name: "Queues" })).toBeVisible();
  await shot(page, "16-queues");
  await page.getByRole("link", { name: "Support", exact: true }).click();
  await page.getByLabel("Agent", { exact: true }).selectOption({ label: "Alex Agent (Agent)" });
  await page.getByRole("button", { name: "Add agent" }).click();
  await expect(page.getByRole("list", { name: "Queue agents" })).toContainText("Alex Agent");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await shot(page, "17-queue-detail");

  await openAdmin(page, "API keys");
  await expect(page.getByText("No API keys")).toBeVisible();
  await shot(page, "18-api-keys-empty");
  await page.getByLabel("Key name").fill("CRM sync");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByLabel("New API key")).toBeVisible();
  await shot(page, "19-api-keys");
  await openAdmin(page, "Audit log");
  await expect(page.getByRole("table", { name: "Audit log" })).toBeVisible();
  await shot(page, "20-audit");

  await page.getByRole("link", { name: "Wallboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Wallboard" })).toBeVisible();
  await expect(page.getByRole("listitem", { name: "Support" })).toBeVisible();
  await shot(page, "21-wallboard");
  await page.getByRole("link", { name: "Reports" }).click();
  await expect(page.getByText("No calls in this period")).toBeVisible();
  await shot(page, "21a-reports-empty");
  await page.getByRole("link", { name: "Agent workspace" }).click();
  await expect(page.getByLabel("Status")).toBeVisible();
  await shot(page, "22-agent");
  await page.setViewportSize({ width: 390, height: 800 });
  await shot(page, "23-agent-mobile");
  await page.goto("/admin/users");
  await expect(page.getByRole("table", { name: "Users" })).toBeVisible();
  await shot(page, "24-users-mobile");
  await page.setViewportSize({ width: 1280, height: 800 });
  await signOut(page);

  await signUp(page);
  await page.goto("/wallboard");
  await expect(page.getByText("No queues yet")).toBeVisible();
  await shot(page, "25-wallboard-empty");
  await page.goto("/admin/users");
  await page.getByRole("button", { name: "New user" }).click();
  const a = page.getByRole("dialog", { name: "New user" });
  const email = uniqueEmail("plain");
  await a.getByLabel("Name").fill("Pat Plain");
  await a.getByLabel("Email").fill(email);
  await a.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await a.getByRole("button", { name: "Create user" }).click();
  await expect(a).toBeHidden();
  await signOut(page);
  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/agent$/);
  await page.goto("/admin");
  await expect(page.getByText("Admins only")).toBeVisible();
  await shot(page, "26-admin-guard");
});
