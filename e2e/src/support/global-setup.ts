import fs from 'node:fs';
import { artifacts } from './browser';

/** Each run starts with an empty artifacts folder, so no screenshot there is from an older run. */
export default function setup(): void {
  fs.rmSync(artifacts, { recursive: true, force: true });
  fs.mkdirSync(artifacts, { recursive: true });
}
