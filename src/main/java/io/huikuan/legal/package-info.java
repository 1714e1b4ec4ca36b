/**
 * The legal route: the limitation clock (诉讼时效) per open invoice and the events that interrupt it, legal cases
 * and their deadlines, the 支付令 eligibility check, the court-fee and late-interest calculators, and the
 * evidence pack. The rules come from the Civil Code (民法典 art. 188, 195, 201–203) and the Supreme People's
 * Court's rules on limitation (最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定); each rule cites
 * its article where it is applied.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Legal")
package io.huikuan.legal;
