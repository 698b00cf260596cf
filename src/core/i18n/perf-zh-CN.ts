// 性能相关文案（简体中文）：导入剩余时间估计、大文件查看器。
import type { perfEn } from './perf-en';

export const perfZhCN: Record<keyof typeof perfEn, string> = {
  'importEta.left': '约剩 {time}',
  'importEta.estimating': '正在估算剩余时间…',
  'importEta.seconds': '{n} 秒',
  'importEta.minutes': '{m} 分 {s} 秒',
  'largeFile.region': '大文件：{path}',
  'largeFile.note': '文件超过编辑器可承载的大小（{max}）：按屏从已保存的文件中读取显示。',
  'largeFile.summary': '{size}，共 {lines} 行',
  'largeFile.summaryIndexing': '{size}，已数到 {lines} 行（正在统计行数… {percent}%）',
  'largeFile.goTo': '跳转到行',
  'largeFile.go': '跳转',
  'largeFile.find': '在文件中查找',
  'largeFile.findNext': '查找下一个',
  'largeFile.stop': '停止',
  'largeFile.searching': '正在查找… {percent}%',
  'largeFile.found': '在第 {line} 行找到。',
  'largeFile.foundWrapped': '在第 {line} 行找到（已从文件末尾绕回开头）。',
  'largeFile.notFound': '未找到。',
  'largeFile.searchStopped': '查找已停止。',
  'largeFile.waitLine': '第 {line} 行尚未统计到；统计到后视图会跳过去。',
  'largeFile.noSuchLine': '没有第 {line} 行：文件共 {lines} 行。',
  'largeFile.cut': '… 本行还有 {count} 个字符',
  'largeFile.readError': '无法读取已保存的文件：{message}',
};
