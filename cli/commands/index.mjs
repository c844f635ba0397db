// Every command of move-ugc, in the order the help lists them.

import { capture } from './capture.mjs';
import { files } from './files.mjs';
import { jobs } from './jobs.mjs';
import { takes } from './takes.mjs';
import { webhooks } from './webhooks.mjs';

export const COMMANDS = [capture, jobs, files, takes, webhooks];
