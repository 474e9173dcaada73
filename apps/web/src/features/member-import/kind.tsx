import { createContext, useContext } from 'react';
import { importMessages } from './messages';

type Widen<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : T[K] extends readonly string[] ? readonly string[] : T[K];
};
export type ImportMessages = Widen<typeof importMessages>;

/**
 * Which import the wizard's steps serve: its API base (…/import, …/import/:id, …/import/:id/confirm,
 * …/import/template) and its wording. The member ledger's is the default; the enterprise registry provides its own.
 */
export interface ImportKind {
  base: string;
  m: ImportMessages;
}

export const MEMBER_IMPORT: ImportKind = { base: '/api/members/import', m: importMessages };
export const ImportKindContext = createContext<ImportKind>(MEMBER_IMPORT);
export const useImportKind = () => useContext(ImportKindContext);
