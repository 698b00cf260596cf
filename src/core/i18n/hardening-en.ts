// Hostile input and failure texts (English): archive refusals beyond the size ceilings, storage
// errors (a full disk, the browser's quota) and the import that did not finish.
export const hardeningEn = {
  'warning.archive-expansion-ratio':
    'The archive {archive} expands to {bytes} bytes from {sourceBytes} bytes read, more than {ratio} times its size (a zip bomb?): refused, nothing of it was imported. If it is a real capture, unpack it and import its files.',
  'storage.full':
    'Not enough storage space to keep this import: nothing of it was saved, and the bundles already in the library are unchanged. Free some disk space or delete bundles you no longer need, then import again.',
  'storage.failed': 'The app’s database could not save this import ({message}): nothing of it was saved, and the bundles already in the library are unchanged.',
};
