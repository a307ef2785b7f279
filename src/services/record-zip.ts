/**
 * The decision records zip, saved in the CTO's Drive with the Drive (v3) advanced service under
 * drive.file: `DriveApp` would ask for the full drive scope (ADR 10), while `Files.create` under
 * drive.file makes a file the add-on may open and nothing else.
 */
import { callApi } from './api-call.js';

interface DriveFiles {
  Files: {
    create(
      resource: { name: string; mimeType: string },
      mediaData: GoogleAppsScript.Base.Blob,
      options: { fields: string },
    ): { id: string; webViewLink?: string };
  };
}

const driveFiles = (): DriveFiles => Drive as unknown as DriveFiles;

export function saveZip(
  zip: GoogleAppsScript.Base.Blob,
  name: string,
): { id: string; url: string } {
  const file = callApi(() =>
    driveFiles().Files.create({ name, mimeType: 'application/zip' }, zip, {
      fields: 'id,webViewLink',
    }),
  );
  return {
    id: file.id,
    url: file.webViewLink ?? `https://drive.google.com/file/d/${file.id}/view`,
  };
}
