// Folders the scale bench replaces, moved aside instead of deleted, and
// deleted together once every build is timed.
//
// Why: this machine's disk is ext4 without a journal, and there the kernel
// will not hand out an inode freed in the last minute (five, while its
// inode table is unwritten): each new file's allocation steps over every
// such inode, one by one (`recently_deleted()` in fs/ext4/ialloc.c). A
// build timed just after a large folder was deleted makes its files two to
// ten times slower than the same build on a quiet disk (3,000 files:
// 0.15 s against 1.7 to 2.1 s of system time, measured here), and by how
// much depends on what was deleted how long before: the figure measures
// the bench's own deleting, not the build. A rename frees no inode.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

let count = 0;

/** The folder things are set aside in: beside `root`'s folders, on the same disk. */
export function asideFolder(root) {
  return join(root, '.set-aside');
}

/** Moves `path` (if there) into `root`'s set-aside folder. */
export function setAside(root, path) {
  if (!existsSync(path)) return;
  const folder = asideFolder(root);
  mkdirSync(folder, { recursive: true });
  count += 1;
  renameSync(path, join(folder, `${process.pid}-${Date.now()}-${count}`));
}

/** Deletes everything set aside under `root` (this run's and any run's before that was cut short). */
export function emptyAside(root) {
  rmSync(asideFolder(root), { recursive: true, force: true });
}
