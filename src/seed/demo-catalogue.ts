import type { VariantSpec } from '../db/repos/catalog-repo.js';

/**
 * The demo shop's catalogue (~200 variants): apparel in sizes and colours, electronics, fresh
 * food, digital goods, custom-made and hygiene items, home goods. Titles are bilingual, as a
 * cross-border shop lists them. Prices in fen (CNY minor units).
 */
interface ProductTemplate {
  ref: string;
  title: string;
  category: string;
  price: number;
  dims?: Record<string, readonly string[]>;
  flags?: Pick<VariantSpec, 'customMade' | 'perishable' | 'digital' | 'hygiene' | 'finalSale'>;
}

const SIZES = ['S', 'M', 'L', 'XL'] as const;
const COLOURS = ['黑色 Black', '白色 White', '藏青 Navy'] as const;
const TEE_COLOURS = [...COLOURS, '灰色 Grey', '红色 Red'] as const;

const PRODUCTS: readonly ProductTemplate[] = [
  { ref: 'TS', title: '纯棉圆领T恤 Cotton crew-neck T-shirt', category: 'apparel', price: 7900, dims: { size: SIZES, colour: TEE_COLOURS } },
  { ref: 'HD', title: '加绒连帽卫衣 Fleece hoodie', category: 'apparel', price: 19900, dims: { size: SIZES, colour: [...COLOURS, '燕麦 Oat'] } },
  { ref: 'PO', title: '商务POLO衫 Business polo shirt', category: 'apparel', price: 15900, dims: { size: SIZES, colour: COLOURS } },
  { ref: 'SK', title: '百褶半身裙 Pleated skirt', category: 'apparel', price: 16900, dims: { size: SIZES, colour: ['黑色 Black', '米色 Beige'] } },
  { ref: 'CAP', title: '棒球帽 Baseball cap', category: 'accessories', price: 6900, dims: { colour: ['黑色 Black', '白色 White', '卡其 Khaki', '绿色 Green'] } },
  { ref: 'SO', title: '运动袜五双装 Sport socks 5-pack', category: 'apparel', price: 4900, dims: { size: ['S', 'M', 'L'], colour: ['白色 White', '黑色 Black', '混色 Mixed'] } },
  { ref: 'BP', title: '通勤双肩包 Commuter backpack', category: 'accessories', price: 22900, dims: { colour: ['黑色 Black', '灰色 Grey', '藏青 Navy'] } },
  { ref: 'UMB', title: '晴雨伞 Folding umbrella', category: 'accessories', price: 5900, dims: { colour: ['黑色 Black', '樱花 Sakura', '天蓝 Sky'] } },
  { ref: 'JN', title: '直筒牛仔裤 Straight-leg jeans', category: 'apparel', price: 25900, dims: { size: ['28', '30', '32', '34'], colour: ['浅蓝 Light blue', '深蓝 Dark blue'] } },
  { ref: 'DR', title: '碎花连衣裙 Floral dress', category: 'apparel', price: 32900, dims: { size: SIZES, colour: ['粉色 Pink', '蓝色 Blue'] } },
  { ref: 'DJ', title: '轻薄羽绒服 Light down jacket', category: 'apparel', price: 59900, dims: { size: SIZES, colour: ['黑色 Black', '卡其 Khaki'] } },
  { ref: 'SN', title: '缓震跑步鞋 Cushioned running shoes', category: 'shoes', price: 45900, dims: { size: ['38', '39', '40', '41', '42', '43'], colour: ['白色 White', '灰色 Grey'] } },
  { ref: 'EB', title: '降噪蓝牙耳机 Noise-cancelling earbuds', category: 'electronics', price: 89900, dims: { colour: ['白色 White', '黑色 Black'] } },
  { ref: 'PB', title: '20000mAh 充电宝 Power bank', category: 'electronics', price: 15900, dims: { colour: ['白色 White', '黑色 Black'] } },
  { ref: 'SW', title: '智能手表 Smart watch', category: 'electronics', price: 129900, dims: { size: ['41mm', '45mm'], colour: ['午夜 Midnight', '星光 Starlight'] } },
  { ref: 'KB', title: '机械键盘 Mechanical keyboard', category: 'electronics', price: 39900, dims: { switch: ['红轴 Red', '青轴 Blue', '茶轴 Brown'] } },
  { ref: 'MS', title: '无线鼠标 Wireless mouse', category: 'electronics', price: 12900, dims: { colour: ['黑色 Black', '白色 White', '粉色 Pink'] } },
  { ref: 'PH', title: '智能手机 Smartphone', category: 'electronics', price: 299900, dims: { storage: ['256GB', '512GB'], colour: ['黑色 Black', '白色 White', '绿色 Green'] } },
  { ref: 'CH', title: '65W 氮化镓充电器 GaN charger', category: 'electronics', price: 14900 },
  { ref: 'SP', title: '便携蓝牙音箱 Portable speaker', category: 'electronics', price: 29900, dims: { colour: ['黑色 Black', '蓝色 Blue'] } },
  { ref: 'TB', title: '10英寸平板电脑 10-inch tablet', category: 'electronics', price: 219900, dims: { storage: ['64GB', '128GB', '256GB'] } },
  { ref: 'CRAB', title: '阳澄湖大闸蟹礼盒 Hairy crab gift box', category: 'fresh', price: 59800, dims: { pack: ['8只 8 crabs', '12只 12 crabs'] }, flags: { perishable: true } },
  { ref: 'CHRY', title: '智利车厘子 Chilean cherries', category: 'fresh', price: 16800, dims: { weight: ['1kg', '2.5kg'] }, flags: { perishable: true } },
  { ref: 'MILK', title: '鲜牛奶 Fresh milk 950ml×2', category: 'fresh', price: 3600, flags: { perishable: true } },
  { ref: 'SALM', title: '冰鲜三文鱼 Chilled salmon 500g', category: 'fresh', price: 12800, flags: { perishable: true } },
  { ref: 'STRB', title: '丹东草莓 Dandong strawberries', category: 'fresh', price: 8800, dims: { weight: ['500g', '1kg'] }, flags: { perishable: true } },
  { ref: 'CAKE', title: '生日蛋糕 Birthday cake', category: 'fresh', price: 26800, dims: { size: ['6寸 6-inch', '8寸 8-inch'] }, flags: { perishable: true } },
  { ref: 'PLNT', title: '绿萝盆栽 Live pothos plant', category: 'fresh', price: 3900, dims: { pot: ['小 Small', '大 Large'] }, flags: { perishable: true } },
  { ref: 'GIFT', title: '电子礼品卡 E-gift card', category: 'digital', price: 10000, dims: { value: ['100元', '200元', '500元'] }, flags: { digital: true } },
  { ref: 'SOFT', title: '办公软件年卡 Office software licence', category: 'digital', price: 39800, flags: { digital: true } },
  { ref: 'BOOK', title: '电子书 E-book: 售后管理实务', category: 'digital', price: 4900, flags: { digital: true } },
  { ref: 'CRSE', title: '在线课程 Online course: 电商运营', category: 'digital', price: 29900, flags: { digital: true } },
  { ref: 'ENGR', title: '刻字项链 Engraved name necklace', category: 'jewellery', price: 36900, dims: { metal: ['银 Silver', '玫瑰金 Rose gold'] }, flags: { customMade: true } },
  { ref: 'SUIT', title: '量身定制西装 Made-to-measure suit', category: 'apparel', price: 259900, flags: { customMade: true } },
  { ref: 'PHBK', title: '定制照片书 Custom photo book', category: 'gifts', price: 16900, flags: { customMade: true } },
  { ref: 'CASE', title: '定制手机壳 Custom phone case', category: 'electronics', price: 6900, dims: { model: ['iPhone 16', 'Mate 70', 'Xiaomi 15'] }, flags: { customMade: true } },
  { ref: 'LIP', title: '丝绒口红 Velvet lipstick', category: 'beauty', price: 32000, dims: { shade: ['#999', '#888', '#196', '#520'] }, flags: { hygiene: true } },
  { ref: 'SERM', title: '精华液 Face serum 30ml', category: 'beauty', price: 58000, flags: { hygiene: true } },
  { ref: 'UW', title: '莫代尔内裤三条装 Modal underwear 3-pack', category: 'apparel', price: 9900, dims: { size: SIZES }, flags: { hygiene: true } },
  { ref: 'TBH', title: '电动牙刷刷头 Toothbrush heads 4-pack', category: 'personal care', price: 12900, flags: { hygiene: true } },
  { ref: 'MUG', title: '陶瓷马克杯 Ceramic mug', category: 'home', price: 4900, dims: { colour: ['白色 White', '绿色 Green', '黄色 Yellow'] } },
  { ref: 'BED', title: '全棉四件套 Cotton bedding set', category: 'home', price: 39900, dims: { size: ['1.5m', '1.8m'], colour: ['灰色 Grey', '米白 Ivory'] } },
  { ref: 'TWL', title: '长绒棉浴巾 Cotton bath towel', category: 'home', price: 7900, dims: { colour: ['白色 White', '灰色 Grey', '蓝色 Blue'] } },
  { ref: 'CUSH', title: '亚麻抱枕 Linen cushion', category: 'home', price: 5900, dims: { colour: ['米白 Ivory', '灰色 Grey', '绿色 Green', '橙色 Orange'] } },
  { ref: 'LAMP', title: '护眼台灯 Desk lamp', category: 'home', price: 19900 },
  { ref: 'PAN', title: '不粘炒锅 Non-stick wok', category: 'home', price: 25900, dims: { size: ['30cm', '32cm'] } },
  { ref: 'CLR', title: '清仓围巾 Clearance scarf', category: 'apparel', price: 3900, dims: { colour: ['红色 Red', '灰色 Grey'] }, flags: { finalSale: true } },
];

function expand(dims: Record<string, readonly string[]> | undefined): Record<string, string>[] {
  let combos: Record<string, string>[] = [{}];
  for (const [name, values] of Object.entries(dims ?? {})) {
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [name]: v })));
  }
  return combos;
}

export interface DemoVariant extends VariantSpec {
  priceMinor: number;
}

export function demoCatalogue(): DemoVariant[] {
  return PRODUCTS.flatMap((p) =>
    expand(p.dims).map((attributes, i) => {
      const suffix = Object.values(attributes).map((v) => v.replace(/[^A-Za-z0-9]/g, '').toUpperCase().slice(0, 5));
      const sku = [p.ref, ...suffix].join('-') || `${p.ref}-${i}`;
      const priceStep = attributes.storage ? ['64GB', '128GB', '256GB', '512GB'].indexOf(attributes.storage) * 50000 : 0;
      return {
        sku,
        title: Object.keys(attributes).length ? `${p.title} (${Object.values(attributes).join(' / ')})` : p.title,
        productRef: `demo:${p.ref}`,
        productTitle: p.title,
        category: p.category,
        attributes,
        priceMinor: p.price + priceStep,
        currency: 'CNY',
        stockOnHand: 50,
        ...p.flags,
      };
    }),
  );
}
