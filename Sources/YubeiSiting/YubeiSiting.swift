// YubeiSiting
