const { simpleGit } = require("simple-git");
const nodegit = require("nodegit");

async function savePage(req, res) {
  const git = simpleGit(process.env.WIKI_DIR);
  //          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/js-local-git-repository
  await git.add(req.params.page).commit(req.body.message);
  res.sendStatus(204);
}

async function history(req, res) {
  const repo = await nodegit.Repository.open(process.env.WIKI_DIR);
  //                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/js-local-git-repository
  res.json(await repo.getHeadCommit());
}

async function tags(req, res) {
  // ok: a remote-only query, no folder of its own
  res.json(await simpleGit().listRemote(["--tags", req.query.url]));
}
