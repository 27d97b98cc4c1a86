declare global {
  namespace App {
    interface Error {
      message: string;
    }
    interface Locals {
      /** Language of the page, from the questionnaire being answered. */
      lang?: string;
    }
  }
}

export {};
