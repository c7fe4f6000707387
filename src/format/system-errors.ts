/**
 * What the operating system said, in the clerk's words: a failed open, read, write or rename
 * (`ENOENT`, `EACCES`, `ENOSPC` …) as a Chinese sentence naming the file, with the code kept in
 * brackets for whoever helps the clerk. For the CLI's error boundary and any other interface.
 */

/** Node's error for a failed system call. */
export interface SystemError {
  readonly code: string;
  readonly syscall?: string;
  readonly path?: string;
  readonly dest?: string;
}

export function isSystemError(e: unknown): e is SystemError & Error {
  if (!(e instanceof Error)) return false;
  const { code, syscall, errno } = e as Error & { code?: unknown; syscall?: unknown; errno?: unknown };
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) && (syscall !== undefined || errno !== undefined);
}

/** The reason alone: 文件或文件夹不存在（ENOENT）. */
export function systemReason(e: SystemError): string {
  return `${REASONS[e.code] ?? '系统错误'}（${e.code}）`;
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: '文件或文件夹不存在',
  EACCES: '没有权限',
  EPERM: '操作不被允许（权限不足）',
  EISDIR: '这是一个文件夹，不是文件',
  ENOTDIR: '路径中有一项不是文件夹',
  ENOSPC: '磁盘空间已满',
  EDQUOT: '超出磁盘配额',
  EROFS: '所在的文件系统是只读的',
  EEXIST: '已经存在',
  ENOTEMPTY: '文件夹不是空的',
  EMFILE: '同时打开的文件过多',
  ENFILE: '系统同时打开的文件过多',
  ENAMETOOLONG: '文件名过长',
  ELOOP: '符号链接形成循环',
  EIO: '磁盘读写出错',
  EFBIG: '文件超过系统允许的大小',
  EBUSY: '文件正被占用',
  ETXTBSY: '文件正被占用',
  EXDEV: '不能跨磁盘移动文件',
  EPIPE: '读取输出的程序已关闭',
  EAGAIN: '资源暂时不可用',
  ENXIO: '设备不存在',
  ENODEV: '设备不存在',
  EINVAL: '参数无效',
  ENOMEM: '内存不足',
};

const ACTIONS: Readonly<Record<string, string>> = {
  open: '打开',
  read: '读取',
  write: '写入',
  writev: '写入',
  rename: '重命名',
  mkdir: '建立文件夹',
  mkdtemp: '建立临时文件夹',
  rmdir: '删除文件夹',
  rm: '删除',
  unlink: '删除',
  stat: '读取',
  lstat: '读取',
  fstat: '读取',
  scandir: '读取文件夹',
  opendir: '读取文件夹',
  copyfile: '复制',
  fsync: '写入磁盘',
  fdatasync: '写入磁盘',
  ftruncate: '截断',
  truncate: '截断',
  access: '访问',
  chmod: '修改权限',
  utime: '修改时间',
  futime: '修改时间',
  link: '建立链接',
  symlink: '建立链接',
  realpath: '解析路径',
  close: '关闭',
};

const HINTS: Readonly<Record<string, string>> = {
  ENOSPC: '请清理磁盘后重试',
  EDQUOT: '请清理磁盘后重试',
  EACCES: '请检查文件和所在文件夹的权限',
  EPERM: '请检查文件和所在文件夹的权限',
  EROFS: '请换一个可写的位置',
  EISDIR: '请给出文件名，而不是文件夹',
};

/** 写入“/tmp/x.csv”时出错：文件夹不存在（ENOENT） */
export function describeSystemError(e: SystemError): string {
  const reason = REASONS[e.code] ?? '系统错误';
  const action = e.syscall ? (ACTIONS[e.syscall] ?? '访问') : '访问';
  const target = e.path ? `“${e.path}”${e.dest ? `（到“${e.dest}”）` : ''}` : '文件';
  const said = `${action}${target}时出错：${reason}（${e.code}）`;
  if (e.path?.endsWith('.lock')) return `${said}${lockHint(e)}`;
  return HINTS[e.code] ? `${said}；${HINTS[e.code]}` : said;
}

/** The record's lock (FILE.lock beside the data file): what the clerk can do about it. */
function lockHint(e: SystemError): string {
  if (['EACCES', 'EPERM', 'EROFS'].includes(e.code)) {
    return '：数据文件所在的文件夹不可写，无法为写入加锁；请检查权限，或把数据文件复制到可写的位置';
  }
  return `：这是数据文件的锁，但它不是本程序建立的样子；如确认没有其他 roster 进程正在使用这份数据，可删除“${e.path}”后重试`;
}
