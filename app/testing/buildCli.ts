// Vitest global setup: rebuild the CLI bundle so that tests spawning `prelabel` run the current sources.
// @ts-expect-error build.mjs is plain JavaScript without types
import { buildCli } from '../cli/build.mjs';

export default async function setup(): Promise<void> {
  await buildCli();
}
