import {
  BoldOutlined,
  ItalicOutlined,
  OrderedListOutlined,
  RedoOutlined,
  StrikethroughOutlined,
  UnderlineOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Placeholder } from '@tiptap/extensions';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Button, Tooltip, Typography } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { meetingMessages as m } from './messages';
import './minutes.css';

/** The server's limit on the minutes' HTML (apps/server/src/modules/meetings/minutes-html.ts). */
const MAX_HTML = 50_000;

interface Props {
  value?: string;
  onChange?: (html: string) => void;
}

// Built once: useEditor compares its options on every render and resets the editor's options when the
// extensions, props or content are new values, so none of them may change per render.
const extensions = [
  StarterKit.configure({
    heading: { levels: [3, 4] },
    code: false,
    codeBlock: false,
    horizontalRule: false,
    link: false,
  }),
  Placeholder.configure({ placeholder: m.minutesPh }),
];
const editorProps = { attributes: { 'aria-label': m.minutes, 'data-testid': 'minutes-editor' } };

/**
 * The minutes editor (TipTap on ProseMirror), limited to what the server keeps: paragraphs, bold, italic,
 * underline, strike, two heading levels, lists and quotes. Loaded lazily with the meeting form, so the editor's
 * code is fetched only when someone opens it. What it sends is sanitised again by the server.
 */
export default function MinutesEditor({ value, onChange }: Props) {
  const emitted = useRef(value ?? '');
  const [initial] = useState(value ?? '');
  const changed = useRef(onChange);
  changed.current = onChange;
  const editor = useEditor({
    extensions,
    content: initial,
    editorProps,
    onUpdate: ({ editor: e }) => {
      const html = e.isEmpty ? '' : e.getHTML();
      emitted.current = html;
      changed.current?.(html);
    },
  });
  // A value from outside (the form reset, another meeting loaded) replaces the content; our own echo does not.
  useEffect(() => {
    if (editor && (value ?? '') !== emitted.current) {
      emitted.current = value ?? '';
      editor.commands.setContent(value ?? '', { emitUpdate: false });
    }
  }, [editor, value]);

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive('bold') ?? false,
      italic: e?.isActive('italic') ?? false,
      underline: e?.isActive('underline') ?? false,
      strike: e?.isActive('strike') ?? false,
      h3: e?.isActive('heading', { level: 3 }) ?? false,
      h4: e?.isActive('heading', { level: 4 }) ?? false,
      bullet: e?.isActive('bulletList') ?? false,
      ordered: e?.isActive('orderedList') ?? false,
      quote: e?.isActive('blockquote') ?? false,
      undo: e?.can().undo() ?? false,
      redo: e?.can().redo() ?? false,
    }),
  });
  const chain = () => editor!.chain().focus();
  const tool = (label: string, icon: ReactNode, active: boolean, run: () => void, disabled = false) => (
    <Tooltip title={label} key={label}>
      <Button
        type={active ? 'primary' : 'text'}
        ghost={active}
        icon={icon}
        aria-label={label}
        aria-pressed={active}
        disabled={!editor || disabled}
        // Keep the selection: a tap on the toolbar must not blur the editor on a phone.
        onMouseDown={(e) => e.preventDefault()}
        onClick={run}
      />
    </Tooltip>
  );
  const size = (value ?? '').length;

  return (
    <div className="tx-minutes-editor">
      <div className="tx-minutes-toolbar" role="toolbar" aria-label={m.minutesToolbar}>
        {tool(m.fmtBold, <BoldOutlined />, !!state?.bold, () => chain().toggleBold().run())}
        {tool(m.fmtItalic, <ItalicOutlined />, !!state?.italic, () => chain().toggleItalic().run())}
        {tool(m.fmtUnderline, <UnderlineOutlined />, !!state?.underline, () => chain().toggleUnderline().run())}
        {tool(m.fmtStrike, <StrikethroughOutlined />, !!state?.strike, () => chain().toggleStrike().run())}
        {tool(m.fmtH3, <b>H3</b>, !!state?.h3, () => chain().toggleHeading({ level: 3 }).run())}
        {tool(m.fmtH4, <b>H4</b>, !!state?.h4, () => chain().toggleHeading({ level: 4 }).run())}
        {tool(m.fmtOrdered, <OrderedListOutlined />, !!state?.ordered, () => chain().toggleOrderedList().run())}
        {tool(m.fmtBullet, <UnorderedListOutlined />, !!state?.bullet, () => chain().toggleBulletList().run())}
        {tool(m.fmtQuote, <b>“”</b>, !!state?.quote, () => chain().toggleBlockquote().run())}
        {tool(m.fmtUndo, <UndoOutlined />, false, () => chain().undo().run(), !state?.undo)}
        {tool(m.fmtRedo, <RedoOutlined />, false, () => chain().redo().run(), !state?.redo)}
      </div>
      <EditorContent editor={editor} className="tx-minutes" />
      {size > MAX_HTML * 0.8 && (
        <Typography.Text type={size > MAX_HTML ? 'danger' : 'secondary'} style={{ display: 'block', padding: '0 12px 6px' }}>
          {m.minutesSize(size, MAX_HTML)}
        </Typography.Text>
      )}
    </div>
  );
}
