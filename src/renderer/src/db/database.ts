// The app's one Dexie database, opened with every schema version in order.
import Dexie, { type EntityTable } from 'dexie';
import { DATABASE_NAME, SCHEMA_VERSIONS, type AnalysisRecord, type BlobRecord, type BundleRecord, type FileRecord, type NoteRecord, type SettingRecord } from './schema';

export type OomscopeDatabase = Dexie & {
  bundles: EntityTable<BundleRecord, 'id'>;
  files: EntityTable<FileRecord, 'id'>;
  blobs: EntityTable<BlobRecord, 'fileId'>;
  notes: EntityTable<NoteRecord, 'id'>;
  settings: EntityTable<SettingRecord, 'key'>;
  analyses: EntityTable<AnalysisRecord, 'bundleId'>;
};

export function openDatabase(name = DATABASE_NAME): OomscopeDatabase {
  const db = new Dexie(name) as OomscopeDatabase;
  for (const v of SCHEMA_VERSIONS) {
    const version = db.version(v.version).stores(v.stores);
    if (v.upgrade) version.upgrade(v.upgrade);
  }
  return db;
}

export const db: OomscopeDatabase = openDatabase();
