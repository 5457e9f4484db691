// The carve extension: starts `carve lsp` over stdio for Python, JavaScript
// and TypeScript files. Everything else (diagnostics, hover, code lens, quick
// fixes) comes from the server.
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration("carve");
  const command = config.get<string>("path", "carve");
  const args = ["lsp", ...config.get<string[]>("args", [])];
  const serverOptions: ServerOptions = { command, args };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      "python",
      "javascript",
      "javascriptreact",
      "typescript",
      "typescriptreact",
    ].map((language) => ({ scheme: "file", language })),
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher("**/.carve/**"),
    },
  };
  client = new LanguageClient("carve", "carve", serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
