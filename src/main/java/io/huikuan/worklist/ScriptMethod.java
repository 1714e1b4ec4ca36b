package io.huikuan.worklist;

/**
 * The collection methods of the source texts a script applies: 直截了当, 真诚与赞美, 为客户支招,
 * 奖励回款, 哭穷示弱, 主管大帽子, 紧迫感, 投桃报李, 锲而不舍.
 */
public enum ScriptMethod {
    DIRECT, SINCERITY_PRAISE, ADVISE, REWARD, PLEAD, MANAGER_PRESSURE, URGENCY, RECIPROCITY, PERSISTENCE
}
