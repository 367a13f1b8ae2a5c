import type { Address } from '../db/schema/orders.js';
import type { Random } from './random.js';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '霞', '婷', '子涵', '欣怡', '浩然', '梓轩', '雨桐'];
const PINYIN: Record<string, string> = { 王: 'wang', 李: 'li', 张: 'zhang', 刘: 'liu', 陈: 'chen', 杨: 'yang', 黄: 'huang', 赵: 'zhao', 吴: 'wu', 周: 'zhou', 徐: 'xu', 孙: 'sun', 马: 'ma', 朱: 'zhu', 胡: 'hu', 郭: 'guo', 何: 'he', 林: 'lin', 罗: 'luo', 高: 'gao' };
const CN_PLACES: readonly [string, string, readonly string[]][] = [
  ['上海市', '上海市', ['浦东新区', '徐汇区', '静安区', '闵行区']],
  ['北京市', '北京市', ['朝阳区', '海淀区', '东城区', '丰台区']],
  ['广东省', '深圳市', ['南山区', '福田区', '宝安区']],
  ['广东省', '广州市', ['天河区', '越秀区', '番禺区']],
  ['浙江省', '杭州市', ['西湖区', '余杭区', '滨江区']],
  ['江苏省', '南京市', ['鼓楼区', '玄武区', '江宁区']],
  ['四川省', '成都市', ['武侯区', '锦江区', '高新区']],
  ['湖北省', '武汉市', ['洪山区', '江汉区', '武昌区']],
];
const CN_STREETS = ['人民路', '解放路', '中山路', '建设路', '和平路', '文化路', '科技园路', '长江路'];

const FIRST = ['Emma', 'Oliver', 'Amelia', 'George', 'Isla', 'Harry', 'Ava', 'Noah', 'Mia', 'Jack', 'Sophia', 'Leo', 'Grace', 'James', 'Chloe', 'Lucas'];
const LAST = ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Clark', 'Walker', 'Wright', 'Thompson', 'White', 'Hughes'];
const EN_PLACES: readonly [string, string, string][] = [
  ['United Kingdom', 'London', 'SW1A 1AA'],
  ['United Kingdom', 'Manchester', 'M1 1AE'],
  ['United Kingdom', 'Edinburgh', 'EH1 1YZ'],
  ['United States', 'San Francisco', '94103'],
  ['United States', 'New York', '10001'],
  ['Singapore', 'Singapore', '018956'],
  ['Australia', 'Sydney', '2000'],
];
const EN_STREETS = ['High Street', 'Station Road', 'Church Lane', 'Market Street', 'Park Avenue', 'King Street'];

export interface DemoPerson {
  name: string;
  email: string | null;
  phone: string;
  locale: 'zh-CN' | 'en';
  address: Address;
  externalId: string;
}

export function chinesePerson(r: Random, n: number): DemoPerson {
  const surname = r.pick(SURNAMES);
  const given = r.pick(GIVEN);
  const [province, city, districts] = r.pick(CN_PLACES);
  const phone = `1${r.pick(['3', '5', '8', '9'])}${r.digits(9)}`;
  return {
    name: `${surname}${given}`,
    // Marketplace buyers often share no e-mail with the seller; about half have one on file.
    email: r.chance(0.5) ? `${PINYIN[surname]}.${n}@example.cn` : null,
    phone,
    locale: 'zh-CN',
    externalId: `tb_${PINYIN[surname]}${r.digits(6)}`,
    address: {
      name: `${surname}${given}`,
      phone,
      country: '中国',
      province,
      city,
      district: r.pick(districts),
      line1: `${r.pick(CN_STREETS)}${r.int(1, 999)}号${r.int(1, 30)}栋${r.int(101, 2505)}室`,
      postalCode: r.digits(6),
    },
  };
}

export function englishPerson(r: Random, n: number): DemoPerson {
  const first = r.pick(FIRST);
  const last = r.pick(LAST);
  const [country, city, postalCode] = r.pick(EN_PLACES);
  const phone = `+44 7${r.digits(9)}`;
  return {
    name: `${first} ${last}`,
    email: `${first.toLowerCase()}.${last.toLowerCase()}${n}@example.com`,
    phone,
    locale: 'en',
    externalId: `web_${r.digits(8)}`,
    address: { name: `${first} ${last}`, phone, country, city, line1: `${r.int(1, 250)} ${r.pick(EN_STREETS)}`, postalCode },
  };
}
