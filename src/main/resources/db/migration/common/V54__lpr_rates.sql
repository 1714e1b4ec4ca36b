-- legal: the one-year loan prime rate (贷款市场报价利率, LPR) in force from each date, in percent a year, with the
-- source of each value. Late-payment interest on the LPR basis uses the row in force on each day. Before the LPR
-- reform of 2019-08-20 the PBOC one-year benchmark lending rate stands in (kind BENCHMARK), as courts apply it to
-- periods before that date. Values after 2025-05-20 are not seeded: administrators add each announcement (/admin/lpr).
CREATE TABLE lpr_rate (
    effective_from DATE          NOT NULL PRIMARY KEY,
    rate           NUMERIC(7, 4) NOT NULL,
    kind           VARCHAR(10)   NOT NULL,
    source         VARCHAR(500)  NOT NULL,
    updated_by     VARCHAR(64)   NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT lpr_rate_positive CHECK (rate > 0 AND rate < 100),
    CONSTRAINT lpr_rate_kind CHECK (kind IN ('LPR', 'BENCHMARK'))
);

INSERT INTO lpr_rate (effective_from, rate, kind, source, updated_by, updated_at) VALUES
    (DATE '2015-10-24', 4.3500, 'BENCHMARK', '中国人民银行一年期贷款基准利率（2015年10月24日起执行；2019年8月20日LPR改革前的基准利率，不是LPR）', 'system', TIMESTAMP WITH TIME ZONE '2026-12-04 00:00:00+08:00'),
    (DATE '2019-08-20', 4.2500, 'LPR', '全国银行间同业拆借中心受权公布贷款市场报价利率（LPR）公告，2019年8月20日：1年期LPR为4.25%', 'system', TIMESTAMP WITH TIME ZONE '2026-12-04 00:00:00+08:00'),
    (DATE '2019-09-20', 4.2000, 'LPR', '全国银行间同业拆借中心受权公布贷款市场报价利率（LPR）公告，2019年9月20日：1年期LPR为4.20%', 'system', TIMESTAMP WITH TIME ZONE '2026-12-04 00:00:00+08:00'),
    (DATE '2019-11-20', 4.1500, 'LPR', '全国银行间同业拆借中心受权公布贷款市场报价利率（LPR）公告，2019年11月20日：1年期LPR为4.15%', 'system', TIMESTAMP WITH TIME ZONE '2026-12-04 00:00:00+08:00'),
    (DATE '2020-02-20', 4.0500, 'LPR', '全国银行间同业拆借中心受权公布贷款市场报价利率（LPR）公告，2020年2月20日：1年期LPR为4.05%', 'system', TIMESTAMP WITH TIME ZONE '2026-12-04 00:00:00+08:00'),
    (DATE '2020-04-20', 3.8500, 'LPR', '全国银行间同业拆借中心受权公布贷款市场报价利率（LPR）公告，2020年4月20日：1年期LPR为3.85%', 'system', TIMESTAMP WITH TIME ZONE '2026-12-04 00:00:00+08:00'),
    (DATE '2021-12-20', 3.8000, 'LPR', '全国银行间同业拆借中心受权公布贷款市场报价利率（LPR）公告，2021年12月20日：1年期LPR为3.80%', 'system', TIMESTAMP WITH TIME ZONE '2026-12-04 00:00:00+08:00'),
    (DATE '2022-01-20', 3.7000, 'LPR', '全国银行间同业拆借中心受权公布贷款市场报价利率（LPR）公告，2022年1月20日：1年期LPR为3.70%', 'system', TIMESTAMP WITH TIME ZONE '2026-12-04 00:00:00+08:00'),
    (DATE '2022-08-22', 3.6500, 'LPR', '全国银行间同业拆借中心受权公布贷款市场报价利率（LPR）公告，2022年8月22日：1年期LPR为3.65%', 'system', TIMESTAMP WITH TIME ZONE '2026-12-04 00:00:00+08:00'),
    (DATE '2023-06-20', 3.5500, 'LPR', '全国银行间同业拆借中心受权公布贷款市场报价利率（LPR）公告，2023年6月20日：1年期LPR为3.55%', 'system', TIMESTAMP WITH TIME ZONE '2026-12-04 00:00:00+08:00'),
    (DATE '2023-08-21', 3.4500, 'LPR', '全国银行间同业拆借中心受权公布贷款市场报价利率（LPR）公告，2023年8月21日：1年期LPR为3.45%', 'system', TIMESTAMP WITH TIME ZONE '2026-12-04 00:00:00+08:00'),
    (DATE '2024-07-22', 3.3500, 'LPR', '全国银行间同业拆借中心受权公布贷款市场报价利率（LPR）公告，2024年7月22日：1年期LPR为3.35%', 'system', TIMESTAMP WITH TIME ZONE '2026-12-04 00:00:00+08:00'),
    (DATE '2024-10-21', 3.1000, 'LPR', '全国银行间同业拆借中心受权公布贷款市场报价利率（LPR）公告，2024年10月21日：1年期LPR为3.10%', 'system', TIMESTAMP WITH TIME ZONE '2026-12-04 00:00:00+08:00'),
    (DATE '2025-05-20', 3.0000, 'LPR', '全国银行间同业拆借中心受权公布贷款市场报价利率（LPR）公告，2025年5月20日：1年期LPR为3.00%', 'system', TIMESTAMP WITH TIME ZONE '2026-12-04 00:00:00+08:00');

-- correspondence: the lawyer letter's draft (律师函) states the late-payment interest computed by the legal module's
-- calculator (the contract's clause, else the configured daily rate) and the estimated court fee. A new version of the
-- shipped text, only where nobody has saved a version of their own (the newest one is in use).
INSERT INTO message_template (code, channel, locale, tone, version, subject, body, note, created_by, created_at)
SELECT t.code, t.channel, t.locale, t.tone, 2, t.subject,
       REPLACE(REPLACE(t.body,
           '截至{{today}}，按合同约定计算的逾期利息（违约金）为{{totals.interest}}，本息合计{{totals.overdueWithInterest}}。',
           '截至{{today}}，按合同约定（合同未约定的，按{{interest.basis}}）计算的逾期利息为{{interest.total}}，本息合计{{claim.total}}。如委托人提起诉讼，依《诉讼费用交纳办法》第十三条计算，案件受理费预计为{{courtFee.estimate}}，依法由败诉方负担。'),
           'late-payment interest calculated under the contract to {{today}} amounts to {{totals.interest}}, a total of {{totals.overdueWithInterest}}.',
           'late-payment interest to {{today}}, calculated under the contract (or, where the contract is silent, at {{interest.basis}}), amounts to {{interest.total}}, a total of {{claim.total}}. Should our client bring proceedings, the court fee under article 13 of the Measures on the Payment of Litigation Costs is estimated at {{courtFee.estimate}}, borne by the losing party as the law provides.'),
       'interest and court fee from the calculators (issue 14)', 'system', TIMESTAMP WITH TIME ZONE '2026-12-04 00:00:00+08:00'
FROM message_template t
WHERE t.code = 'lawyer_letter' AND t.version = 1
  AND NOT EXISTS (SELECT 1 FROM message_template x WHERE x.code = t.code AND x.channel = t.channel AND x.locale = t.locale
                  AND x.tone = t.tone AND x.version > 1);
