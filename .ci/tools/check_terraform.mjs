// Checks Terraform files without the terraform binary (not on any registry
// this CI reaches): each file must parse with HashiCorp's HCL parser
// (@cdktf/hcl2json, hcl compiled to WebAssembly), be formatted as
// `terraform fmt` formats it (@cdktf/hcl-tools: hclwrite.Format), and agree
// with the AWS provider's schema as CDKTF generated it (@cdktf/provider-aws):
// every resource type exists, every argument it sets is one of the type's,
// every required argument is set, and every reference names a declared
// variable or resource and an attribute that resource type has.
// usage: node check_terraform.mjs DIR... (each DIR holds one configuration)
import { parse } from "@cdktf/hcl2json";
import { format } from "@cdktf/hcl-tools";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const providerLib = path.join(path.dirname(require.resolve("@cdktf/provider-aws/package.json")), "lib");
const META = new Set(["count", "for_each", "depends_on", "provider", "lifecycle", "provisioner", "connection"]);

/// The schema of one resource type, from its generated binding.
const schemas = new Map();
function schemaOf(type) {
  if (schemas.has(type)) return schemas.get(type);
  let schema = null;
  const dir = path.join(providerLib, type.replace(/^aws_/, "").replaceAll("_", "-"));
  const js = path.join(dir, "index.js");
  if (fs.existsSync(js)) {
    const code = fs.readFileSync(js, "utf8");
    if (code.includes(`tfResourceType = "${type}"`)) {
      const synth = code.slice(code.lastIndexOf("synthesizeAttributes() {"));
      const body = synth.slice(0, synth.indexOf("\n        };"));
      const args = new Set([...body.matchAll(/^\s{12}([a-z0-9_]+): /gm)].map((m) => m[1]));
      const attrs = new Set([...code.matchAll(/get[A-Za-z]*Attribute\('([a-z0-9_]+)'\)/g)].map((m) => m[1]));
      for (const a of args) attrs.add(a);
      const dts = fs.readFileSync(path.join(dir, "index.d.ts"), "utf8");
      const config = dts.slice(dts.indexOf("Config extends cdktf.TerraformMetaArguments {"));
      const iface = config.slice(0, config.indexOf("\n}"));
      const required = [...iface.matchAll(/^\s+readonly ([A-Za-z0-9]+): /gm)].map((m) =>
        m[1].replace(/[A-Z]/g, (c) => "_" + c.toLowerCase()),
      );
      schema = { args, attrs, required };
    }
  }
  schemas.set(type, schema);
  return schema;
}

let errors = 0;
const fail = (where, message) => {
  errors++;
  console.error(`${where}: ${message}`);
};

for (const dir of process.argv.slice(2)) {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".tf")).sort();
  const config = { resource: {}, variable: {}, output: {} };
  const texts = [];
  for (const file of files) {
    const where = path.join(dir, file);
    const text = fs.readFileSync(where, "utf8");
    let json;
    try {
      json = await parse(file, text);
    } catch (e) {
      fail(where, `does not parse: ${e.message ?? e}`);
      continue;
    }
    const formatted = await format(text);
    if (formatted !== text) fail(where, "not formatted as `terraform fmt` would write it");
    for (const [type, byName] of Object.entries(json.resource ?? {})) {
      config.resource[type] = { ...(config.resource[type] ?? {}), ...byName };
    }
    Object.assign(config.variable, json.variable ?? {});
    texts.push([where, JSON.stringify(json)]);
  }
  let resources = 0;
  for (const [type, byName] of Object.entries(config.resource)) {
    const schema = schemaOf(type);
    if (!schema) {
      fail(dir, `resource type ${type} is not in the AWS provider`);
      continue;
    }
    for (const [name, [block]] of Object.entries(byName)) {
      resources++;
      const where = `${dir}: ${type}.${name}`;
      for (const key of Object.keys(block)) {
        if (!schema.args.has(key) && !META.has(key)) fail(where, `${type} has no argument ${key}`);
      }
      for (const key of schema.required) {
        if (!(key in block)) fail(where, `required argument ${key} is missing`);
      }
    }
  }
  for (const [where, json] of texts) {
    for (const [, v] of json.matchAll(/\bvar\.([a-z0-9_]+)/g)) {
      if (!(v in config.variable)) fail(where, `var.${v} is not declared`);
    }
    for (const [, type, name, attr] of json.matchAll(/\b(aws_[a-z0-9_]+)\.([a-z0-9_]+)\.([a-z0-9_]+)/g)) {
      if (!config.resource[type]?.[name]) fail(where, `${type}.${name} is not declared`);
      else if (!schemaOf(type)?.attrs.has(attr)) fail(where, `${type} has no attribute ${attr}`);
    }
  }
  console.log(`${dir}: ${files.length} file(s), ${resources} resource(s) checked`);
}
if (errors) {
  console.error(`terraform: ${errors} error(s)`);
  process.exit(1);
}
