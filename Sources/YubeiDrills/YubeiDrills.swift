// YubeiDrills
