"""What the Rasa server loads besides the NLU components and the channels: the tracker store,
the lock store and the action-reply validator (Rasa plugins; they import Rasa)."""
