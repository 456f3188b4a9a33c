import { expect, test } from "@playwright/test";
import { PASSWORD, openAdmin, signIn, signOut, signUp, uniqueEmail } from "../fixtures";

test("an admin sets up skills, a queue and an agent, who then signs in to the workspace", async ({ page }) => {
  await signUp(page);

  await openAdmin(page, "Skills");
  await expect(page.getByText("No skills yet")).toBeVisible();
  await page.getByRole("button", { name: "New skill" }).click();
  const skillDialog = page.getByRole("dialog", { name: "New skill" });
  await skillDialog.getByLabel("Name").fill("Spanish");
  await skillDialog.getByLabel("Description").fill("Callers who prefer Spanish");
  await skillDialog.getByRole("button", { name: "Create skill" }).click();
  await expect(skillDialog).toBeHidden();
  await expect(page.getByRole("table", { name: "Skills" }).getByRole("cell", { name: "Spanish", exact: true })).toBeVisible();

  await openAdmin(page, "Queues");
  await page.getByRole("button", { name: "New queue" }).click();
  const queueDialog = page.getByRole("dialog", { name: "New queue" });
  await queueDialog.getByLabel("Name").fill("Support");
  await queueDialog.getByLabel("Strategy").selectOption({ label: "Round robin" });
  await queueDialog.getByLabel("Ring timeout (seconds)").fill("25");
  await queueDialog.getByLabel("After the maximum wait").selectOption({ label: "Offer a callback" });
  await queueDialog.getByRole("checkbox", { name: "Spanish" }).check();
  await queueDialog.getByLabel("Spanish minimum level").selectOption("3");
  await queueDialog.getByRole("button", { name: "Create queue" }).click();
  await expect(page).toHaveURL(/\/admin\/queues\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Support" })).toBeVisible();
  await expect(page.getByLabel("Strategy")).toHaveValue("round-robin");
  await expect(page.getByLabel("Ring timeout (seconds)")).toHaveValue("25");

  const agent = { name: "Alex Agent", email: uniqueEmail("agent") };
  await openAdmin(page, "Users");
  await page.getByRole("button", { name: "New user" }).click();
  const userDialog = page.getByRole("dialog", { name: "New user" });
  await userDialog.getByLabel("Name").fill(agent.name);
  await userDialog.getByLabel("Email").fill(agent.email);
  await userDialog.getByLabel("Role").selectOption({ label: "Agent" });
  await userDialog.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await userDialog.getByRole("checkbox", { name: "Spanish" }).check();
  await userDialog.getByLabel("Spanish level").selectOption("7");
  await userDialog.getByRole("button", { name: "Create user" }).click();
  await expect(userDialog).toBeHidden();
  const row = page.getByRole("row", { name: new RegExp(agent.name) });
  await expect(row).toContainText("Agent");
  await expect(row).toContainText("Spanish · 7");

  await openAdmin(page, "Queues");
  await page.getByRole("link", { name: "Support", exact: true }).click();
  await page.getByLabel("Agent", { exact: true }).selectOption({ label: `${agent.name} (Agent)` });
  await page.getByRole("button", { name: "Add agent" }).click();
  await expect(page.getByRole("list", { name: "Queue agents" })).toContainText(agent.name);
  await openAdmin(page, "Queues");
  await expect(page.getByRole("row", { name: /Support/ })).toContainText("Round robin");

  await signOut(page);

  await signIn(page, agent.email, PASSWORD);
  await expect(page).toHaveURL(/\/agent$/);
  const status = page.getByLabel("Status");
  await expect(status).toBeVisible();
  await expect(status.getByRole("option", { name: "Available" })).toBeAttached();
  await status.selectOption("Available");
  await expect(status).toHaveValue("available");
  await expect(page.getByText("No calls yet")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
  await signOut(page);
});

test("an invited user sets a password from the invite link", async ({ page }) => {
  await signUp(page);
  await openAdmin(page, "Users");
  await page.getByRole("button", { name: "New user" }).click();
  const dialog = page.getByRole("dialog", { name: "New user" });
  await dialog.getByLabel("Name").fill("Ivy Invited");
  const email = uniqueEmail("invited");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByRole("radio", { name: "Send an invite" }).check();
  await dialog.getByRole("button", { name: "Create invite" }).click();
  const done = page.getByRole("dialog", { name: "Invite created" });
  const link = (await done.getByLabel("Invite link").textContent()) ?? "";
  expect(link).toMatch(/\/invite\/\S+$/);
  await done.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("row", { name: /Ivy Invited/ })).toContainText("Invited");
  await signOut(page);

  await page.goto(link);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Confirm password").fill(PASSWORD);
  await page.getByRole("button", { name: "Accept invite" }).click();
  await expect(page).toHaveURL(/\/agent$/);
  await expect(page.getByLabel("Status")).toBeVisible();
  await signOut(page);

  await page.goto(link);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Confirm password").fill(PASSWORD);
  await page.getByRole("button", { name: "Accept invite" }).click();
  await expect(page.getByRole("form", { name: "Accept invite" }).getByRole("alert")).toContainText("not valid or has expired");
});

test("signed-out visitors go to sign in, and a wrong password shows the API's message", async ({ page }) => {
  await page.goto("/admin/queues");
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Fqueues$/);
  await signIn(page, uniqueEmail("nobody"), "not the password");
  await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toContainText("Email or password");
  await expect(page).toHaveURL(/\/login/);

  const admin = await signUp(page);
  await signOut(page);
  await page.goto("/admin/queues");
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/queues$/);
});

test("an admin creates an API key, sees it once, and revokes it; the audit log lists the changes", async ({ page }) => {
  await signUp(page);
  await openAdmin(page, "API keys");
  await expect(page.getByText("No API keys")).toBeVisible();
  await page.getByLabel("Key name").fill("CRM sync");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByLabel("New API key")).toHaveText(/^hl_/);
  await expect(page.getByRole("table", { name: "API keys" })).toContainText("CRM sync");
  await page.getByRole("button", { name: "Revoke CRM sync" }).click();
  await page.getByRole("dialog", { name: "Revoke API key" }).getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByText("No API keys")).toBeVisible();

  await openAdmin(page, "Audit log");
  await expect(page.getByRole("table", { name: "Audit log" })).toContainText("Ada Admin");
});

test("the audit log updates live when a change is made elsewhere (an API key's call)", async ({ page, request, baseURL }) => {
  await signUp(page);
  await openAdmin(page, "API keys");
  await page.getByLabel("Key name").fill("Integration");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByLabel("New API key").textContent())?.trim() ?? "";
  expect(key).toMatch(/^hl_/);

  await openAdmin(page, "Audit log");
  const log = page.getByRole("table", { name: "Audit log" });
  await expect(log).toContainText("api-key.create");
  await expect(log).not.toContainText("skill.create");
  // Another client (no browser session) changes the tenant; the open page shows it without a reload.
  const res = await request.post(`${baseURL}/api/v1/skills`, { headers: { authorization: `Bearer ${key}` }, data: { name: "Live" } });
  expect(res.status()).toBe(201);
  await expect(log).toContainText("skill.create");
  await expect(log).toContainText("Integration (API key)");
});
