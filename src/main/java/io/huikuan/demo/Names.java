package io.huikuan.demo;

import java.util.List;
import java.util.SplittableRandom;

/** Word lists for plausible Chinese company and person names, cities with their administrative codes. */
final class Names {

    private Names() {
    }

    record City(String name, String adminCode, String abbr) {
    }

    record Region(String name, int weight, List<City> cities) {
    }

    record Industry(String name, int weight, List<String> phrases) {
    }

    record Word(String hanzi, String pinyin) {
    }

    static final List<Region> REGIONS = List.of(
            new Region("华东", 30, List.of(city("上海", "310115", "sh"), city("苏州", "320505", "sz"), city("无锡", "320214", "wx"),
                    city("常州", "320411", "cz"), city("南京", "320115", "nj"), city("杭州", "330110", "hz"), city("宁波", "330212", "nb"),
                    city("温州", "330304", "wz"), city("合肥", "340104", "hf"), city("济南", "370112", "jn"), city("青岛", "370214", "qd"),
                    city("福州", "350104", "fz"), city("厦门", "350205", "xm"))),
            new Region("华南", 20, List.of(city("广州", "440113", "gz"), city("深圳", "440306", "sz"), city("东莞", "441900", "dg"),
                    city("佛山", "440606", "fs"), city("珠海", "440404", "zh"), city("中山", "442000", "zs"), city("南宁", "450107", "nn"))),
            new Region("华北", 15, List.of(city("北京", "110108", "bj"), city("天津", "120116", "tj"), city("石家庄", "130104", "sjz"),
                    city("唐山", "130203", "ts"), city("保定", "130606", "bd"), city("廊坊", "131002", "lf"), city("太原", "140105", "ty"))),
            new Region("华中", 12, List.of(city("武汉", "420115", "wh"), city("长沙", "430104", "cs"), city("郑州", "410122", "zz"),
                    city("洛阳", "410305", "ly"), city("株洲", "430211", "zz"), city("襄阳", "420607", "xy"), city("南昌", "360113", "nc"))),
            new Region("西南", 10, List.of(city("成都", "510116", "cd"), city("重庆", "500112", "cq"), city("绵阳", "510703", "my"),
                    city("昆明", "530114", "km"), city("贵阳", "520115", "gy"))),
            new Region("西北", 6, List.of(city("西安", "610113", "xa"), city("宝鸡", "610304", "bj"), city("兰州", "620105", "lz"),
                    city("银川", "640106", "yc"), city("乌鲁木齐", "650106", "wlmq"))),
            new Region("东北", 7, List.of(city("沈阳", "210106", "sy"), city("大连", "210213", "dl"), city("鞍山", "210302", "as"),
                    city("长春", "220104", "cc"), city("哈尔滨", "230103", "heb"))));

    static final List<Industry> INDUSTRIES = List.of(
            new Industry("机械制造", 22, List.of("精密机械", "机械制造", "重工机械", "数控机床", "机械设备")),
            new Industry("汽车零部件", 18, List.of("汽车零部件", "汽车配件", "汽车部件")),
            new Industry("电子", 15, List.of("电子科技", "电子", "光电科技", "智能科技")),
            new Industry("化工", 12, List.of("化工", "新材料", "精细化工")),
            new Industry("建材", 12, List.of("建材", "新型建材", "建筑材料", "管业")),
            new Industry("医药", 6, List.of("医药", "制药", "生物医药")),
            new Industry("食品", 7, List.of("食品", "食品饮料")),
            new Industry("电气设备", 8, List.of("电气", "电力设备", "电气设备")));

    /** The supplier's own business units (事业部). */
    static final List<String> BUSINESS_UNITS = List.of("自动化事业部", "传动事业部", "精密零件事业部", "工程服务部");

    static final List<Word> BRANDS = words("""
            恒达 hengda 华兴 huaxing 金鼎 jinding 瑞丰 ruifeng 宏远 hongyuan 永盛 yongsheng 鑫源 xinyuan 天成 tiancheng
            博远 boyuan 盛世 shengshi 德润 derun 嘉禾 jiahe 泰和 taihe 恒信 hengxin 汇通 huitong 长青 changqing 隆昌 longchang
            佳成 jiacheng 明辉 minghui 凯达 kaida 富强 fuqiang 利民 limin 安泰 antai 宝丰 baofeng 海通 haitong 联创 lianchuang
            精工 jinggong 众诚 zhongcheng 振华 zhenhua 兴业 xingye 昌盛 changsheng 远航 yuanhang 锦程 jincheng 华茂 huamao
            同力 tongli 立新 lixin 卓越 zhuoyue 顺达 shunda 万和 wanhe 森源 senyuan 鼎盛 dingsheng 中天 zhongtian 宏图 hongtu
            荣昌 rongchang 恒通 hengtong 金桥 jinqiao 晨光 chenguang 蓝天 lantian 润泽 runze 新宇 xinyu 天翔 tianxiang 伟业 weiye""");

    static final List<Word> SURNAMES = words("""
            王 wang 李 li 张 zhang 刘 liu 陈 chen 杨 yang 黄 huang 赵 zhao 吴 wu 周 zhou 徐 xu 孙 sun 马 ma 朱 zhu 胡 hu
            郭 guo 何 he 高 gao 林 lin 罗 luo 郑 zheng 梁 liang 谢 xie 宋 song 唐 tang 许 xu 韩 han 冯 feng 邓 deng 曹 cao
            彭 peng 曾 zeng 肖 xiao 田 tian 董 dong 袁 yuan 潘 pan 蒋 jiang 蔡 cai 余 yu 杜 du 叶 ye 程 cheng 魏 wei 吕 lv
            丁 ding 沈 shen 姚 yao 卢 lu 钟 zhong""");

    static final List<Word> GIVEN_NAMES = words("""
            伟 wei 芳 fang 娜 na 敏 min 静 jing 丽 li 强 qiang 磊 lei 军 jun 洋 yang 勇 yong 艳 yan 杰 jie 娟 juan 涛 tao
            明 ming 超 chao 霞 xia 平 ping 刚 gang 建华 jianhua 志强 zhiqiang 海燕 haiyan 晓东 xiaodong 秀英 xiuying
            丽娟 lijuan 国强 guoqiang 建国 jianguo 春梅 chunmei 文博 wenbo 子涵 zihan 雨欣 yuxin 浩然 haoran 思远 siyuan
            佳怡 jiayi 俊杰 junjie 宏伟 hongwei 玉兰 yulan 立新 lixin 振华 zhenhua 红霞 hongxia 晓丽 xiaoli 建平 jianping
            永明 yongming 美玲 meiling 金凤 jinfeng 德明 deming 少华 shaohua 文静 wenjing 天宇 tianyu""");

    static final List<String> FINANCE_TITLES = List.of("财务经理", "财务主管", "会计", "出纳", "财务总监");
    static final List<String> PURCHASING_TITLES = List.of("采购经理", "采购主管", "采购专员", "供应链经理");
    static final List<String> DECISION_TITLES = List.of("总经理", "董事长", "副总经理", "厂长");
    static final List<String> MOBILE_PREFIXES = List.of("130", "131", "132", "133", "135", "136", "137", "138", "139", "150",
            "151", "152", "155", "156", "158", "159", "177", "180", "181", "182", "186", "187", "188", "189", "199");

    static <T> T pick(SplittableRandom rnd, List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    static Region region(SplittableRandom rnd) {
        int total = REGIONS.stream().mapToInt(Region::weight).sum();
        int r = rnd.nextInt(total);
        for (Region region : REGIONS) {
            r -= region.weight();
            if (r < 0) {
                return region;
            }
        }
        return REGIONS.get(0);
    }

    static Industry industry(SplittableRandom rnd) {
        int total = INDUSTRIES.stream().mapToInt(Industry::weight).sum();
        int r = rnd.nextInt(total);
        for (Industry industry : INDUSTRIES) {
            r -= industry.weight();
            if (r < 0) {
                return industry;
            }
        }
        return INDUSTRIES.get(0);
    }

    static String digits(SplittableRandom rnd, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + rnd.nextInt(10)));
        }
        return sb.toString();
    }

    static String mobile(SplittableRandom rnd) {
        return pick(rnd, MOBILE_PREFIXES) + digits(rnd, 8);
    }

    private static City city(String name, String adminCode, String abbr) {
        return new City(name, adminCode, abbr);
    }

    private static List<Word> words(String pairs) {
        String[] t = pairs.trim().split("\\s+");
        java.util.ArrayList<Word> list = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < t.length; i += 2) {
            list.add(new Word(t[i], t[i + 1]));
        }
        return List.copyOf(list);
    }
}
