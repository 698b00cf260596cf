// 恶意输入与故障文案（简体中文）：超出解压比例的压缩包、存储错误（磁盘已满、浏览器配额）。
import type { hardeningEn } from './hardening-en';

export const hardeningZhCN: Record<keyof typeof hardeningEn, string> = {
  'warning.archive-expansion-ratio':
    '压缩包 {archive} 从读取的 {sourceBytes} 字节解压出 {bytes} 字节，超过其大小的 {ratio} 倍（可能是压缩炸弹）：已拒绝，未导入其中任何内容。如果这是真实的采集数据，请先解压，再导入其中的文件。',
  'storage.full': '存储空间不足，无法保存这次导入：其中的内容均未保存，资料库中已有的数据包保持不变。请释放一些磁盘空间或删除不再需要的数据包，然后重新导入。',
  'storage.failed': '应用的数据库无法保存这次导入（{message}）：其中的内容均未保存，资料库中已有的数据包保持不变。',
};
