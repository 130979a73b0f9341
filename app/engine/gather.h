#pragma once

#include "core/result.h"

#include <functional>
#include <memory>
#include <optional>

namespace crsync {

// Joins parallel asynchronous steps on one thread: each add() hands out a completion callback,
// and `done` runs once after arm() when every step has completed, with the first error, if any.
// Waiting for every step (not stopping at the first error) keeps a job alive until none of its
// requests can call back into it.
class Gather
{
public:
    using Done = std::function<void(Result<void>)>;
    explicit Gather(Done done) : m_state(std::make_shared<State>(std::move(done))) { }

    Done add()
    {
        ++m_state->pending;
        return [state = m_state](Result<void> r) {
            if (!r.ok() && !state->error)
                state->error = r.error();
            --state->pending;
            state->fireIfDone();
        };
    }
    void arm()
    {
        m_state->armed = true;
        m_state->fireIfDone();
    }

private:
    struct State
    {
        explicit State(Done d) : done(std::move(d)) { }
        void fireIfDone()
        {
            if (!armed || pending > 0 || fired)
                return;
            fired = true;
            if (error)
                done(*error);
            else
                done(Result<void>());
        }
        Done done;
        int pending = 0;
        bool armed = false;
        bool fired = false;
        std::optional<Error> error;
    };
    std::shared_ptr<State> m_state;
};

} // namespace crsync
