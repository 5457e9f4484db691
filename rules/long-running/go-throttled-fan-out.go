package handlers

import "sync"

func UpdateCache(ids []int) []Book {
	books := load(ids)
	wg := sync.WaitGroup{}
	sem := make(chan struct{}, 10)
	for i, book := range books {
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/go-throttled-fan-out
		wg.Add(1)
		go func(i int, book Book) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			books[i] = download(book)
		}(i, book)
	}
	wg.Wait()
	return books
}

func Counts(ids []int) []int {
	out := make([]int, len(ids))
	var wg sync.WaitGroup
	// ok: no semaphore, a few short queries side by side
	for i, id := range ids {
		wg.Add(1)
		go func(i, id int) {
			defer wg.Done()
			out[i] = count(id)
		}(i, id)
	}
	wg.Wait()
	return out
}

func Refresh(feeds []Feed) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	// ok: nothing waits for the group here (background work)
	for _, f := range feeds {
		wg.Add(1)
		go func(f Feed) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			fetch(f)
		}(f)
	}
}
