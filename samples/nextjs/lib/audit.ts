import mongoose, { Schema } from 'mongoose';

const AuditEntry =
  mongoose.models.AuditEntry ??
  mongoose.model(
    'AuditEntry',
    new Schema({ action: String, entity: String, entityId: String, actor: String, at: { type: Date, default: Date.now } }),
  );

export async function recordAudit(action: string, entity: string, entityId: string, actor: string) {
  await mongoose.connect(process.env.AUDIT_MONGO_URL as string);
  await AuditEntry.create({ action, entity, entityId, actor });
}
