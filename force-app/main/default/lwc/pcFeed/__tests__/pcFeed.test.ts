import { FeedFollower, SliceFeed } from 'c/pcFeed';

/** A follower with what it heard, in order. */
function follower() {
    const heard: string[] = [];
    return { heard, follower: new FeedFollower<string>((v) => heard.push(v)) };
}

describe('CL-1 a slice feed reaches only the children that follow it', () => {
    it('CL-1 publishes a new value to every follower and the same value to none', () => {
        const feed = new SliceFeed('Dialing');
        const a: string[] = [];
        const b: string[] = [];
        feed.subscribe((v) => a.push(v));
        const stopB = feed.subscribe((v) => b.push(v));
        feed.publish('Dialing');
        feed.publish('Active');
        stopB();
        feed.publish('Wrap-up');
        expect(a).toEqual(['Active', 'Wrap-up']);
        expect(b).toEqual(['Active']);
        expect(feed.value).toBe('Wrap-up');
    });

    it('CL-1 a follower hears the current value on connect, then each new one, and nothing once disconnected', () => {
        const feed = new SliceFeed('Dialing');
        const { heard, follower: f } = follower();
        f.feed = feed;
        expect(heard).toEqual([]);
        f.connect();
        feed.publish('Active');
        f.disconnect();
        feed.publish('Wrap-up');
        expect(heard).toEqual(['Dialing', 'Active']);
        f.connect();
        expect(heard).toEqual(['Dialing', 'Active', 'Wrap-up']);
    });

    it('CL-1 a new feed replaces the old one: the old is no longer heard, the new one is, once', () => {
        const first = new SliceFeed('one');
        const second = new SliceFeed('two');
        const { heard, follower: f } = follower();
        f.connect();
        f.feed = first;
        f.feed = first;
        f.feed = second;
        first.publish('one again');
        second.publish('two again');
        expect(heard).toEqual(['one', 'two', 'two again']);
        expect(f.feed).toBe(second);
        f.feed = undefined;
        second.publish('unheard');
        expect(heard).toEqual(['one', 'two', 'two again']);
        expect(f.feed).toBeUndefined();
    });

    it('CL-1 connecting twice subscribes once', () => {
        const feed = new SliceFeed(0);
        const heard: number[] = [];
        const f = new FeedFollower<number>((v) => heard.push(v));
        f.feed = feed;
        f.connect();
        f.connect();
        feed.publish(1);
        expect(heard).toEqual([0, 1]);
    });
});
