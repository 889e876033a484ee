adoptkitSearch.receive("index",{"v":2,"sections":59,"chunks":[0],"terms":["000"]});
