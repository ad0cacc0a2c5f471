// YubeiScenario
