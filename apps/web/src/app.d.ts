declare global {
  namespace App {
    interface Error {
      message: string;
    }
    interface Locals {
      /** Language of the page, from the questionnaire being answered. */
      lang?: string;
      /** Its direction: right to left for Arabic, Urdu and the like. */
      dir?: 'rtl' | 'ltr';
      /** Who is signed in to the staff console, looked up once per request (see lib/server/staff-api.ts). */
      staff?: Promise<import('#lib/server/staff-api.ts').SignedInStaff | null>;
    }
  }
}

export {};
