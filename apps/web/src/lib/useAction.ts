import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { isApiError } from './api';
import { applyServerErrors, type FieldNames } from './forms';

export interface ActionOptions<TVars, TData> {
  /** Said once it worked (message.success); a function may read the answer, or return null to say nothing. */
  success?: string | ((data: TData, vars: TVars) => string | null);
  /** Queries read again once it worked: their keys (or key prefixes), or a feature's invalidate function. */
  invalidate?: readonly QueryKey[] | (() => Promise<unknown>);
  /** The form whose fields show the server's field messages; the rest becomes `formError`. */
  form?: FormInstance;
  /** The form's field names (or API path → field name) that take server messages; default: the form's values. */
  fields?: FieldNames;
  onSuccess?: (data: TData, vars: TVars) => void;
  /** Without a form: keep the message in `formError` (shown inside a dialog) instead of popping it up. */
  inline?: boolean;
  /** After the message is placed (a form keeps everything typed: nothing is reset on error). */
  onError?: (error: unknown, vars: TVars) => void;
}

/** The message a failed call shows: the server's Chinese message, or a generic one. */
export function errorText(error: unknown): string {
  return isApiError(error) ? error.message : '操作失败，请稍后重试';
}

/**
 * Every write of the web app: a TanStack mutation with one success/error pattern. On success: a Chinese
 * confirmation, the named queries read again, then `onSuccess`. On error: with a `form`, the server's field
 * messages go under their fields and the rest into `formError` (for FormDrawer's alert); without one, the
 * server's message pops up (message.error).
 */
export function useAction<TVars = void, TData = unknown>(
  fn: (vars: TVars) => Promise<TData>,
  options: ActionOptions<TVars, TData> = {},
) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useMutation<TData, unknown, TVars>({
    mutationFn: fn,
    onMutate: () => setFormError(null),
    onSuccess: async (data, vars) => {
      // Still busy until the lists behind the form are read again, so a closing drawer reveals fresh data.
      const { invalidate } = options;
      if (typeof invalidate === 'function') await invalidate();
      else await Promise.all((invalidate ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      const text = typeof options.success === 'function' ? options.success(data, vars) : options.success;
      if (text) message.success(text);
      options.onSuccess?.(data, vars);
    },
    onError: (error, vars) => {
      if (options.form) setFormError(applyServerErrors(options.form, error, options.fields));
      else if (options.inline) setFormError(errorText(error));
      else message.error(errorText(error));
      options.onError?.(error, vars);
    },
  });
  return {
    ...mutation,
    /** The message no form field took (null when every one found its field, or before any error). */
    formError,
    setFormError,
    /** Runs the write; errors are handled here, so callers need no try/catch. */
    run: mutation.mutate,
    busy: mutation.isPending,
  };
}
