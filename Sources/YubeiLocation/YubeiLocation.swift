// YubeiLocation
