"""Places: where a name from the news is on the map.

`gazetteer` loads the project's hand-checked places (geodata/gazetteer.csv); `geocode` resolves any
other name, offline first (the gazetteer, then the cache of earlier answers), and online from a
Nominatim server only when a deployment turns it on.
"""
