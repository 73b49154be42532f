// Placeholder so the target builds; the Store helper replaces this file.
