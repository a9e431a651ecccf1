"""Script lines for the benchmark corpus: lawful talk, violations, and the old dense mix.

The default corpus is mostly lawful talk (greetings, product description, prices that match
the manifest, logistics, Q&A, chit-chat, the classic false-positive traps) with a violation
on ``VIOLATION_RATE`` of its lines. ``DENSE`` is the earlier stress mix, where 14 of 24
templates break a rule (~0.77 findings a line): it measures finding assembly and the JSON
report more than linting, so it is kept as ``--dense`` stress, not as the default.
"""
from __future__ import annotations

# Slots: {p} product name, {a} alias, {n} link number, {price} {list} {k} {min} {h}:{m}.
DENSE = (
    "姐妹们看过来，{n}号链接{p}今天到手价{price}元，原价{list}元！",
    "这款{a}库存只剩最后{k}件了，拍完就没有了！",
    "还剩最后{min}分钟，{h}:{m}准时恢复原价！",
    "家人们，{a}每人限购2单，拍下备注主播名字有小礼品。",
    "这是全网最好的{a}，真的没有之一！",
    "第一次来的宝宝点点关注，左上角福袋先点起来！",
    "开封后最好冷藏，三天内用完，不要放在阳光下。",
    "我们家{a}销量第一，已经卖了{k}万单了！",
    "这个价格真的很实惠，比平时便宜{k}块钱。",
    "{p}的成分表大家看一下，写得清清楚楚。",
    "上一批{a}三分钟就抢光了，这次加了{k}00单。",
    "顶级配方，国家级工艺，闭眼入！",
    "支持七天无理由退货，运费险也给大家安排上了。",
    "最后一步，轻轻拍匀就可以了，吸收特别快。",
    "{h}点{m}分之前下单的，今晚就发货。",
    "买二送一，再送一个化妆棉，相当于每件{price}元。",
    "这款是我们直播间的首发款，别的地方买不到。",
    "宝宝们不要犹豫，库存{k}00件，拍完下架！",
    "主播自己用了三年了，皮肤状态真的好了很多。",
    "价格是{price}，划线价{list}，这个价格只有今晚。",
    "这个颜色今年最流行，搭大衣特别好看。",
    "质量绝对没问题，百分百正品，假一赔十。",
    "我们不说最好，只说实在，大家自己看评论区。",
    "点赞到{k}万我们就上福利，冲冲冲！",
)

# A draft that has had one review still carries a few problems per hundred lines; 3 % of lines
# (~4 findings per 100 lines, as a violating line often breaks two rules) is that, and it is
# still ~2,000 findings on the 5 MB corpus, so finding assembly and the report stay measured.
VIOLATION_RATE = 0.03

# Lines of DENSE that livelint reports (checked on every product, 繁體 and full-width).
VIOLATIONS = (
    "姐妹们看过来，{n}号链接{p}今天到手价{price}元，原价{list}元！",
    "这款{a}库存只剩最后{k}件了，拍完就没有了！",
    "还剩最后{min}分钟，{h}:{m}准时恢复原价！",
    "这是全网最好的{a}，真的没有之一！",
    "我们家{a}销量第一，已经卖了{k}万单了！",
    "上一批{a}三分钟就抢光了，这次加了{k}00单。",
    "顶级配方，国家级工艺，闭眼入！",
    "这款是我们直播间的首发款，别的地方买不到。",
    "价格是{price}，划线价{list}，这个价格只有今晚。",
    "这个颜色今年最流行，搭大衣特别好看。",
    "质量绝对没问题，百分百正品，假一赔十。",
)

# Lines livelint does not report for these products (the same check), varied on purpose.
LAWFUL = (
    # greetings / opening
    "欢迎刚进直播间的家人们，今晚我们一共上六款产品。",
    "晚上好呀，没点关注的宝宝可以点一下关注，开播会有提醒。",
    "欢迎{k}号进来的朋友，有问题直接在评论区打出来。",
    "好的我们先过一下今晚的流程，大家不着急，慢慢看。",
    "刚来的家人们，今天的福袋在左上角，九点开奖。",
    "感谢大家的点赞，我们一款一款慢慢讲。",
    # product description
    "{p}这款我们先看外观，瓶身是磨砂的，拿在手上很有质感。",
    "{a}的质地大家看一下，挤出来是乳白色的，推开很容易。",
    "这条{a}是我们家的常规款，颜色有驼色、灰色和黑色三种。",
    "{p}的包装里面有说明书，使用方法都写在上面了。",
    "大家看镜头，这是{a}的细节，做工还是比较细致的。",
    "{a}的规格详情页里都写了，大家下单前可以先看一眼。",
    "我们把{a}放近一点给大家看，这个颜色在灯光下会偏暖一点。",
    "这款{a}的口感偏清淡，喜欢浓一点的可以多放一些。",
    "炒锅的把手是木纹的，拿起来不会太沉。",
    "{p}适合日常用，早上出门前用一点就可以。",
    "这个尺寸大家参考一下，一米六左右的女生围起来刚好。",
    "红茶我们现场泡一杯，大家看汤色，闻起来有一点花香。",
    "坚果是独立小包装的，一天一包，带去上班也方便。",
    # prices (matching the manifest)
    "{n}号链接{p}，直播间价格{price}元，已经上架了。",
    "{a}今天直播间是{price}元一件，大家按需购买。",
    "价格大家看小黄车，{n}号链接就是{p}。",
    # logistics / after-sales
    "下单以后四十八小时内发货，偏远地区会慢一两天。",
    "支持七天无理由退货，大家收到货不满意可以联系客服。",
    "快递默认是中通，需要改地址的宝宝联系客服备注一下。",
    "{h}点{m}分以后拍的，我们明天统一发出。",
    "发票可以开的，下单后在订单页面申请就行。",
    "每人限购2单，拍多了系统会提示的。",
    # Q&A
    "有宝宝问{a}孕妇能不能用，建议先咨询一下医生哦。",
    "问尺码的宝宝，{a}是均码的，详情页有尺寸表。",
    "有人问保质期，{a}的保质期在包装背面印着。",
    "评论区问发什么快递的，我们默认发中通。",
    "有家人问{a}怎么保存，放在阴凉干燥的地方就可以。",
    "问能不能退的，七天无理由，不影响二次销售就行。",
    "有宝宝问敏感肌能不能用，建议先在耳后试一下。",
    "刚才有人问颜色，我们这边有三个颜色可以选。",
    # chit-chat
    "今天外面下雨了，大家回家路上注意安全。",
    "我先喝口水，嗓子有点干，大家稍等一下。",
    "哈哈哈，助播说我今天讲得太快了，我慢一点。",
    "{k}点赞了，谢谢大家，我们继续往下讲。",
    "场控帮我把{n}号链接弹一下，谢谢。",
    "大家有什么想看的款式，可以在评论区留言。",
    "这个天气喝一杯热红茶真的挺舒服的。",
    "我们直播间每周三和周五晚上八点开播。",
    "刚才那个问题我没看清，麻烦再打一遍。",
    "好的，下一个我们讲{n}号链接{p}。",
    "第一次来的宝宝点点关注，左上角福袋先点起来！",
    "开封后最好冷藏，三天内用完，不要放在阳光下。",
    "最后一步，轻轻拍匀就可以了，吸收特别快。",
    "{p}的成分表大家看一下，写得清清楚楚。",
    "买二送一，再送一个化妆棉，相当于每件{price}元。",
    "{h}点{m}分之前下单的，今晚就发货。",
    "点赞到{k}万我们就上福利，冲冲冲！",
)
