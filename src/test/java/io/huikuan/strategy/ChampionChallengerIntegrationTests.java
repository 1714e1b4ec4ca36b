package io.huikuan.strategy;

/** Champion / challenger, on H2. */
class ChampionChallengerIntegrationTests extends ChampionChallengerBehaviour {
}
