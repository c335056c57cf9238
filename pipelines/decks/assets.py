DECK_ASSETS: list = []
