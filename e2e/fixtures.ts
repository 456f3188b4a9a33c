import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";

export const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
export const uniqueEmail = (who: string) => `${who}-${randomUUID()}@e2e.hotline.test`;
export const PASSWORD = "correct horse battery";

export interface Admin {
  organization: string;
  name: string;
  email: string;
  password: string;
}

/** Signs up a brand-new tenant through the UI; the page ends in the admin console. */
export async function signUp(page: Page): Promise<Admin> {
  const admin = { organization: unique("Acme"), name: "Ada Admin", email: uniqueEmail("admin"), password: PASSWORD };
  await page.goto("/signup");
  await page.getByLabel("Organization").fill(admin.organization);
  await page.getByLabel("Your name").fill(admin.name);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Admin console" })).toBeVisible();
  return admin;
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** Opens an admin console section from its navigation. */
export async function openAdmin(page: Page, section: string) {
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: section }).click();
  await expect(page.getByRole("heading", { level: 1, name: section })).toBeVisible();
}
