// "Copy Commit SHA" on a ranked cause.

import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import { shaOfArgument, type CauseArgument } from '../results/causeArgument';
import { shortSha } from '../results/suspectIndex';

export function registerCopyCommitSha(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandIds.copyCommitSha, async (arg: CauseArgument) => {
      const sha = shaOfArgument(arg);
      if (!sha) return undefined;
      await vscode.env.clipboard.writeText(sha);
      vscode.window.setStatusBarMessage(`CauseLens: copied ${shortSha(sha)}`, 3000);
      return sha;
    }),
  );
}
